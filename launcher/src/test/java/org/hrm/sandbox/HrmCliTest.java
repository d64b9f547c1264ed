package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hrm.cli.HrmCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code ./hrm}'s whole command line, without a platform: what is a usage error in the sandbox's and the bench's
 * commands (exit 2, with a message naming what is wrong), what each command's help shows, and that no command or
 * option goes undocumented. A party's commands are client-cli's, tested there alone ({@code HrmCliAloneTest}).
 */
class HrmCliTest {
    @Test
    void aNumberOptionGivenTextIsAUsageError() {
        Run records = run("chaos", "--records", "abc");
        Run sizes = run("bench", "--size", "1024,big");
        Run port = run("up", "--gateway-port", "http");

        assertThat(records.exit).isEqualTo(2);
        assertThat(records.err).contains("Invalid value for option '--records': 'abc' is not an int");
        assertThat(sizes.exit).isEqualTo(2);
        assertThat(sizes.err).contains("'big' is not an int");
        assertThat(port.exit).isEqualTo(2);
    }

    @Test
    void benchTakesSeparateJvmsButNotWithTheLimitPhase() {
        CommandLine.ParseResult bench = HrmCli.commandLine()
                .parseArgs("bench", "--separate-jvms", "--records", "100")
                .subcommand();
        Run limit = run("bench", "--separate-jvms", "--limit-records", "100");
        Run help = run("bench", "--help");

        assertThat(bench.hasMatchedOption("--separate-jvms")).isTrue();
        assertThat(bench.unmatched()).isEmpty();
        assertThat(limit.exit).isEqualTo(2);
        assertThat(limit.err).contains("bench: --limit-records").contains("--separate-jvms");
        assertThat(help.out.replaceAll("\\s+", " "))
                .contains("--separate-jvms")
                .contains("the chain-only limit phase does not run");
    }

    @Test
    void upTakesSeparateJvmsButRefusesWhatItCannotRunThere() {
        CommandLine.ParseResult up =
                HrmCli.commandLine().parseArgs("up", "--separate-jvms").subcommand();
        Run hsm = run("up", "--separate-jvms", "--hsm");
        Run openBroker = run("up", "--separate-jvms", "--kafka-walls", "off");
        Run help = run("up", "--help");

        assertThat(up.hasMatchedOption("--separate-jvms")).isTrue();
        assertThat(hsm.exit).isEqualTo(2);
        assertThat(hsm.err).contains("up: --hsm is not supported with --separate-jvms");
        assertThat(openBroker.exit).isEqualTo(2);
        assertThat(openBroker.err).contains("up: --kafka-walls off is not supported with --separate-jvms");
        assertThat(help.out.replaceAll("\\s+", " "))
                .contains("--separate-jvms")
                .contains("Not with --hsm or --kafka-walls off (exit 2)");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Run run = run("sbumit");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("'sbumit'").contains("submit");
    }

    @Test
    void aCommandThatFindsItsInputWrongBeforeActingExitsTwoWithTheReason() {
        Run tooFewRecords = run("chaos", "--records", "10");

        assertThat(tooFewRecords.exit).isEqualTo(2);
        assertThat(tooFewRecords.err).contains("chaos: --records must be at least 50");
    }

    @Test
    void everyCommandsHelpExitsZeroAndShowsItsOptions() {
        for (CommandLine command : commands(HrmCli.commandLine())) {
            String[] path = command.getCommandSpec().qualifiedName(" ").split(" ");
            List<String> args = new ArrayList<>(List.of(path).subList(1, path.length));
            args.add("--help");

            Run run = run(args.toArray(String[]::new));

            assertThat(run.exit).as(String.join(" ", args)).isZero();
            assertThat(run.out).as(String.join(" ", args)).doesNotContain("Default: []", "Default: null");
            for (OptionSpec option : command.getCommandSpec().options()) {
                assertThat(run.out).as(String.join(" ", args)).contains(option.longestName());
            }
        }
        assertThat(run("verify-chain", "--help").out).contains("--rpc=URL", "--audit=FILE", "Exit codes:");
    }

    @Test
    void helpListsEveryCommandWithItsSummary() {
        Run help = run("help");
        Run bare = run();

        assertThat(help.exit).isZero();
        assertThat(bare.exit).isZero();
        assertThat(bare.out).isEqualTo(help.out);
        commands(HrmCli.commandLine()).stream()
                .filter(command -> command.getParent().getParent() == null)
                .forEach(command -> assertThat(help.out)
                        .as("one line for %s", command.getCommandName())
                        .containsPattern("(?m)^  " + command.getCommandName() + " +"
                                + Pattern.quote(summary(command.getCommandSpec())) + "$"));
        assertThat(help.out)
                .contains("up", "demo", "bench", "chaos", "verify-chain", "submit", "fetch", "grant", "revoke")
                .contains("grants", "register", "rotate-key", "erase", "vault");
    }

    @Test
    void everyCommandAndEveryOptionIsDescribed() {
        for (CommandLine command : commands(HrmCli.commandLine())) {
            CommandSpec spec = command.getCommandSpec();
            assertThat(String.join(" ", spec.usageMessage().description()))
                    .as("description of %s", spec.qualifiedName())
                    .isNotBlank();
            for (OptionSpec option : spec.options()) {
                assertThat(String.join(" ", option.description()))
                        .as("description of %s %s", spec.qualifiedName(), option.longestName())
                        .isNotBlank();
            }
        }
    }

    @Test
    void kafkaWallsTakeOnOrOffAndAreOnByDefault() {
        PlatformCli.Up up = HrmCli.commandLine()
                .parseArgs("up", "--kafka-walls", "off")
                .subcommand()
                .commandSpec()
                .commandLine()
                .getCommand();
        PlatformCli.Demo demo = HrmCli.commandLine()
                .parseArgs("demo")
                .subcommand()
                .commandSpec()
                .commandLine()
                .getCommand();

        assertThat(up.kafkaWalls.on()).isFalse();
        assertThat(demo.kafkaWalls.on()).isTrue();
        assertThatThrownBy(() -> HrmCli.commandLine().parseArgs("demo", "--kafka-walls", "maybe"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("maybe");
    }

    private static String summary(CommandSpec spec) {
        return spec.usageMessage().description()[0];
    }

    private static List<CommandLine> commands(CommandLine root) {
        return root.getSubcommands().values().stream()
                .filter(command -> !command.getCommandSpec().helpCommand())
                .flatMap(command -> Stream.concat(Stream.of(command), commands(command).stream()))
                .toList();
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = HrmCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private record Run(int exit, String out, String err) {}
}
