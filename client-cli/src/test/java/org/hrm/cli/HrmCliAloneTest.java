package org.hrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.PartyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command line with this module alone on the class path, as an auditor or a party runs it: help, a party's
 * commands and {@code verify-chain}, no platform's command (those are the other modules' {@link HrmCommand}s; the
 * launcher's {@code HrmCliTest} checks them all together). What is a usage error (exit 2, with a message naming what
 * is wrong) and what a command's help shows, without a platform.
 */
class HrmCliAloneTest {
    @Test
    void withoutTheOtherModulesTheCommandsAreHelpAPartysAndVerifyChain() {
        CommandLine cli = HrmCli.commandLine();

        assertThat(cli.getSubcommands())
                .containsOnlyKeys(
                        "help",
                        "register",
                        "rotate-key",
                        "submit",
                        "fetch",
                        "grant",
                        "revoke",
                        "grants",
                        "erase",
                        "verify-chain");
    }

    @Test
    void verifyChainWithoutANodeOrAnExportIsAUsageError() {
        Run run = run("verify-chain");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("verify-chain: give --rpc URL (or --audit FILE)");
    }

    @Test
    void anUnknownOptionIsAUsageErrorThatNamesIt() {
        Run run = run("submit", "--recrods", "5");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("Unknown option").contains("'--recrods'").contains("./hrm submit --help");
        assertThat(run.out).isEmpty();
    }

    @Test
    void anOptionWithoutItsValueOrAMissingRequiredOptionIsAUsageError() {
        Run noValue = run("submit", "--owner", "patient-alice", "--file", "record.json", "--keystore");
        Run noOwner = run("submit", "--keystore", "author.key.json", "--file", "record.json");

        assertThat(noValue.exit).isEqualTo(2);
        assertThat(noValue.err).contains("Missing required parameter for option '--keystore'");
        assertThat(noOwner.exit).isEqualTo(2);
        assertThat(noOwner.err).contains("Missing required option: '--owner=ID'");
    }

    @Test
    void aValueOutsideAnOptionsChoicesIsAUsageError() {
        Run run = run("grants", "--owner", "patient-alice", "--domain", "nurse");

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.err).contains("--domain").contains("nurse");
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
        Run recordsAndCategory =
                run("grant", "--keystore", "owner.key.json", "--to", "dr-chen", "--records", "r1", "--category", "lab");
        Run noPlatform = run(
                "register",
                "--id",
                "p-new",
                "--kind",
                "patient",
                "--keystore",
                dir.resolve("p-new.key.json") + "",
                "--endpoints",
                dir.resolve("endpoints.json").toString());

        assertThat(noKeystore.exit).isEqualTo(2);
        assertThat(noKeystore.err).contains("missing.key.json not found").doesNotContain("Exception");
        assertThat(recordsAndCategory.exit).isEqualTo(2);
        assertThat(recordsAndCategory.err).contains("--records or --category, not both");
        assertThat(noPlatform.exit).isEqualTo(2);
        assertThat(noPlatform.err).contains("no running platform: start one with ./hrm up");
        assertThat(dir.resolve("p-new.key.json")).doesNotExist();
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
    void enumValuesAreCaseInsensitiveAndDefaultsApply() {
        PartyCli.Register register = HrmCli.commandLine()
                .parseArgs("register", "--id", "dr-chen", "--kind", "practitioner")
                .subcommand()
                .commandSpec()
                .commandLine()
                .getCommand();
        RecordCli.Fetch fetch = HrmCli.commandLine()
                .parseArgs("fetch", "--keystore", "k", "--record", "r", "--owner", "o", "--domain", "PRACTITIONER")
                .subcommand()
                .commandSpec()
                .commandLine()
                .getCommand();

        assertThat(register.kind).isEqualTo(PartyKind.PRACTITIONER);
        assertThat(register.timeout.duration()).hasSeconds(60);
        assertThat(register.endpoints).isEqualTo(HrmCli.ENDPOINTS);
        assertThat(fetch.domain).isEqualTo(Domain.PRACTITIONER);
        assertThat(fetch.purpose).isEqualTo("TREAT");
    }

    @Test
    void withoutALoggingBackEndSlf4jIsToldToLogNothingRatherThanWarnThatItFoundNone(@TempDir Path dir)
            throws Exception {
        Path withLogback = dir.resolve("with-logback");
        Files.createDirectories(withLogback.resolve("META-INF/services"));
        Files.writeString(
                withLogback.resolve("META-INF/services/org.slf4j.spi.SLF4JServiceProvider"),
                "ch.qos.logback.classic.spi.LogbackServiceProvider");
        String before = System.clearProperty(HrmCli.SLF4J_PROVIDER);
        String verbosityBefore = System.clearProperty(HrmCli.SLF4J_VERBOSITY);
        try (URLClassLoader auditorsJar = new URLClassLoader(new URL[0], null);
                URLClassLoader launchersJar =
                        new URLClassLoader(new URL[] {withLogback.toUri().toURL()}, null)) {
            HrmCli.logNothingWithoutALogger(launchersJar);
            assertThat(System.getProperty(HrmCli.SLF4J_PROVIDER)).isNull();
            assertThat(System.getProperty(HrmCli.SLF4J_VERBOSITY)).isNull();

            HrmCli.logNothingWithoutALogger(auditorsJar);
            assertThat(System.getProperty(HrmCli.SLF4J_PROVIDER))
                    .isEqualTo("org.slf4j.helpers.NOP_FallbackServiceProvider");
            assertThat(Class.forName(System.getProperty(HrmCli.SLF4J_PROVIDER)))
                    .as("the provider named is SLF4J's own")
                    .isAssignableTo(org.slf4j.spi.SLF4JServiceProvider.class);
            assertThat(System.getProperty(HrmCli.SLF4J_VERBOSITY))
                    .as("nor a line saying it loads that provider")
                    .isEqualTo("WARN");
        } finally {
            restore(HrmCli.SLF4J_PROVIDER, before);
            restore(HrmCli.SLF4J_VERBOSITY, verbosityBefore);
        }
    }

    @Test
    void aNodeThatCannotBeReachedFailsTheCommandWithTheReasonOnOneLine() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Run run = run("verify-chain", "--rpc", "http://127.0.0.1:" + closed);

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.err.strip())
                .startsWith("verify-chain: ")
                .contains("127.0.0.1:" + closed)
                .doesNotContain("\n")
                .doesNotContain("Exception");
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = HrmCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }

    private record Run(int exit, String out, String err) {}
}
