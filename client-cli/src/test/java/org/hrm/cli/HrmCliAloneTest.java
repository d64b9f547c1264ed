package org.hrm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line with this module alone on the class path, as an auditor runs it: {@code verify-chain} and help,
 * no platform's command (those are the other modules' {@link HrmCommand}s; the launcher's {@code HrmCliTest} checks
 * them all together).
 */
class HrmCliAloneTest {
    @Test
    void withoutTheOtherModulesTheCommandsAreHelpAndVerifyChain() {
        CommandLine cli = HrmCli.commandLine();

        assertThat(cli.getSubcommands()).containsOnlyKeys("help", "verify-chain");
    }

    @Test
    void verifyChainWithoutANodeOrAnExportIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cli = HrmCli.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("verify-chain");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("verify-chain: give --rpc URL (or --audit FILE)");
    }
}
