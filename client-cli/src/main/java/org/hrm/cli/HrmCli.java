package org.hrm.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * {@code ./hrm}: the platform's command line. The command line is picocli's: its help ({@code ./hrm help COMMAND},
 * {@code ./hrm COMMAND --help}) is the reference of every option. Its own commands are a party's ({@code register},
 * {@code rotate-key}, {@code submit}, {@code fetch}, {@code grant}, {@code revoke}, {@code grants}, {@code erase}),
 * which work against a running platform through the client alone, and the auditor's {@code verify-chain}, which needs
 * no platform; the other modules' commands ({@code up}, {@code demo}, {@code chaos} and {@code vault} of the sandbox,
 * {@code bench} of the benchmarks) are {@link HrmCommand}s found on the class path: the launcher's jar has them all.
 * Exit codes: 0 done, 1 the command failed, 2 a usage error; some commands add their own (their help lists them).
 */
@Command(
        name = "./hrm",
        description = "The hrm platform on this machine: start it, tell its stories, measure it, and act as a party.",
        subcommands = HelpCommand.class,
        footer = {
            "",
            "Commands other than up, demo, bench, chaos and verify-chain work against the platform ./hrm up started"
                    + " (.sandbox/endpoints.json; --endpoints FILE for another).",
            "Exit codes: 0 done, 1 the command failed, 2 a usage error; './hrm help COMMAND' lists a command's own."
        })
public final class HrmCli implements Runnable {
    /** The endpoints file {@code ./hrm up} writes and the commands that work against a platform read. */
    public static final String ENDPOINTS_FILE = ".sandbox/endpoints.json";

    public static final Path ENDPOINTS = Path.of(ENDPOINTS_FILE);
    /** Where the sandbox's commands keep their state and output: {@code .sandbox/}. */
    public static final Path HOME = ENDPOINTS.getParent();

    @Spec
    CommandSpec spec;

    /** The system property by which SLF4J (2.0.9 and later) takes its provider without looking for one. */
    static final String SLF4J_PROVIDER = "slf4j.provider";
    /** The least level of SLF4J's own messages about itself (2.0.10 and later). */
    static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    public static void main(String[] args) {
        if (System.getProperty("hrm.log.file") == null) {
            System.setProperty("hrm.log.file", HOME.resolve("logs/hrm.log").toString());
        }
        logNothingWithoutALogger(HrmCli.class.getClassLoader());
        System.exit(commandLine().execute(args));
    }

    /**
     * client-cli's own jar ({@code hrm-cli-exec.jar}, an auditor's or a party's) has no logging back end: SLF4J would
     * log nothing anyway, but first warn on stderr, between a command's own lines, that it found none. Naming its
     * no-operation provider says the same without the warning; the launcher's jar has Logback and logs as before.
     */
    static void logNothingWithoutALogger(ClassLoader classes) {
        if (System.getProperty(SLF4J_PROVIDER) == null
                && classes.getResource("META-INF/services/org.slf4j.spi.SLF4JServiceProvider") == null) {
            System.setProperty(SLF4J_PROVIDER, "org.slf4j.helpers.NOP_FallbackServiceProvider");
            // Or SLF4J says on stderr that it loads the provider named.
            System.setProperty(SLF4J_VERBOSITY, "WARN");
        }
    }

    /** {@code ./hrm} with no command: the list of commands. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The whole command line, with the {@link HrmCommand}s on the class path and the error handling: what {@link #main}
     * runs, and what the tests of the launcher and the system tests run.
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HrmCli());
        ServiceLoader.load(HrmCommand.class).forEach(each -> each.commands().forEach(cli::addSubcommand));
        partyCommands().forEach(cli::addSubcommand);
        cli.addSubcommand(new VerifyChainCli());
        cli.setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpWidth(100)
                .setParameterExceptionHandler(HrmCli::usageError)
                .setExecutionExceptionHandler(HrmCli::failure);
        describeAlike(cli);
        return cli;
    }

    /** A party's commands against a running platform, in the order {@code ./hrm help} lists them. */
    private static List<Object> partyCommands() {
        return List.of(
                new PartyCli.Register(),
                new PartyCli.RotateKey(),
                new RecordCli.Submit(),
                new RecordCli.Fetch(),
                new ConsentCli.Grant(),
                new ConsentCli.Revoke(),
                new ConsentCli.Grants(),
                new RecordCli.Erase());
    }

    /** Every command (but help itself) takes {@code --help}, shows its defaults and its options in their order. */
    private static void describeAlike(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        spec.usageMessage().showDefaultValues(true).sortOptions(false);
        if (!spec.helpCommand()) {
            spec.addOption(OptionSpec.builder("-h", "--help")
                    .usageHelp(true)
                    .description("Print this command's help and exit.")
                    .build());
        }
        command.getSubcommands().values().forEach(HrmCli::describeAlike);
    }

    /** A command line picocli could not parse: the reason, what it might have meant, and where the help is. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        List<String> unknown = command.getUnmatchedArguments();
        if (!(e instanceof UnmatchedArgumentException) && !unknown.isEmpty()) {
            // picocli checks required options first: name the mistyped option too, it is likely why one is missing.
            UnmatchedArgumentException unmatched = new UnmatchedArgumentException(command, unknown);
            err.println(unmatched.getMessage());
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println(e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        String name = command.getCommandSpec().qualifiedName();
        err.println(command.getParent() == null ? "See './hrm help'." : "See '" + name + " --help' for its options.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * A command that failed: a value the user must fix (a keystore that does not exist, a record id that is not a
     * UUID, no running platform) is a usage error, 2, without a stack trace; a node, broker or file that could not be
     * reached or read (an I/O error anywhere in the cause chain) is the command's failure, 1, with the reason on one
     * line; anything else is the command's failure, 1, with the stack trace (a defect to report).
     */
    private static int failure(Exception e, CommandLine command, ParseResult parsed) {
        if (e instanceof ParameterException parameters) {
            return usageError(parameters, parsed.originalArgs().toArray(String[]::new));
        }
        PrintWriter err = command.getErr();
        IOException inputOutput = inputOutput(e);
        if (e instanceof UsageException) {
            err.println(e.getMessage());
        } else if (e instanceof IllegalArgumentException) {
            err.println(command.getCommandName() + ": " + e.getMessage());
        } else if (inputOutput != null) {
            err.println(command.getCommandName() + ": " + FailureReasons.of(inputOutput));
            err.flush();
            return command.getCommandSpec().exitCodeOnExecutionException();
        } else {
            e.printStackTrace(err);
            err.flush();
            return command.getCommandSpec().exitCodeOnExecutionException();
        }
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The outermost I/O error of the chain, or null. */
    private static IOException inputOutput(Throwable failure) {
        return FailureReasons.chain(failure).stream()
                .filter(IOException.class::isInstance)
                .map(IOException.class::cast)
                .findFirst()
                .orElse(null);
    }
}
