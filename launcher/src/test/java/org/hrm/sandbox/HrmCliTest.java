package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hrm.cli.HrmCli;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.PartyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code ./hrm}'s command line, without a platform: what is a usage error (exit 2, with a message naming what is
 * wrong), what each command's help shows, and that no command or option goes undocumented.
 */
class HrmCliTest {
    @Test
    void anUnknownOptionIsAUsageErrorThatNamesIt() {
        Run run = run("submit", "--recrods", "5");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("Unknown option").contains("'--recrods'").contains("./hrm submit --help");
        assertThat(run.out).isEmpty();
    }

    @Test
    void anOptionWithoutItsValueIsAUsageError() {
        Run run = run("submit", "--owner", "patient-alice", "--file", "record.json", "--keystore");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("Missing required parameter for option '--keystore'");
    }

    @Test
    void aMissingRequiredOptionIsAUsageErrorThatNamesIt() {
        Run run = run("submit", "--keystore", "author.key.json", "--file", "record.json");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("Missing required option: '--owner=ID'");
    }

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
    void aValueOutsideAnOptionsChoicesIsAUsageError() {
        Run run = run("grants", "--owner", "patient-alice", "--domain", "nurse");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("--domain").contains("nurse");
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Run run = run("sbumit");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("'sbumit'").contains("submit");
    }

    @Test
    void aCommandThatFindsItsInputWrongBeforeActingExitsTwoWithTheReason(@TempDir Path dir) {
        Run noKeystore = run(
                "submit",
                "--keystore",
                dir.resolve("missing.key.json").toString(),
                "--owner",
                "patient-alice",
                "--file",
                "record.json");
        Run tooFewRecords = run("chaos", "--records", "10");
        Run recordsAndCategory =
                run("grant", "--keystore", "owner.key.json", "--to", "dr-chen", "--records", "r1", "--category", "lab");
        Run noRpc = run("verify-chain");

        assertThat(noKeystore.exit).isEqualTo(2);
        assertThat(noKeystore.err).contains("missing.key.json not found").doesNotContain("Exception");
        assertThat(tooFewRecords.exit).isEqualTo(2);
        assertThat(tooFewRecords.err).contains("chaos: --records must be at least 50");
        assertThat(recordsAndCategory.exit).isEqualTo(2);
        assertThat(recordsAndCategory.err).contains("--records or --category, not both");
        assertThat(noRpc.exit).isEqualTo(2);
        assertThat(noRpc.err).contains("--rpc");
    }

    @Test
    void helpSubmitAndSubmitHelpPrintSubmitsOptions() {
        Run help = run("help", "submit");
        Run flag = run("submit", "--help");

        assertThat(help.exit).isZero();
        assertThat(flag.exit).isZero();
        assertThat(flag.out).isEqualTo(help.out);
        assertThat(help.out)
                .contains("Usage: ./hrm submit")
                .contains("--keystore=FILE", "--owner=ID", "--file=FILE", "--category=TYPE", "--domain=")
                .contains("--endpoints=FILE", "Default: .sandbox/endpoints.json", "Default: patient")
                .contains("Encrypt a record for its owner");
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
    void enumValuesAreCaseInsensitiveAndDefaultsApply() {
        CommandLine cli = HrmCli.commandLine();

        PartyCli.Register register = cli.parseArgs("register", "--id", "dr-chen", "--kind", "practitioner")
                .subcommand()
                .commandSpec()
                .commandLine()
                .getCommand();

        assertThat(register.kind).isEqualTo(PartyKind.PRACTITIONER);
        assertThat(register.timeout.duration()).hasSeconds(60);
        assertThat(register.endpoints).isEqualTo(HrmCli.ENDPOINTS);
        RecordCli.Fetch fetch = HrmCli.commandLine()
                .parseArgs("fetch", "--keystore", "k", "--record", "r", "--owner", "o", "--domain", "PRACTITIONER")
                .subcommand()
                .commandSpec()
                .commandLine()
                .getCommand();
        assertThat(fetch.domain).isEqualTo(Domain.PRACTITIONER);
        assertThat(fetch.purpose).isEqualTo("TREAT");
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
