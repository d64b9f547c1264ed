package org.hrm.sandbox;

import org.hrm.cli.SessionCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./hrm vault rotate | retire | rotate-pseudonym}: an operator's key commands, each signed with the sandbox
 * operator's key; {@link VaultCommands} acts.
 */
@Command(
        name = "vault",
        description = {
            "Operators: rotate, retire or add the vault's master and pseudonym keys.",
            "Each command is signed with the sandbox operator's key; the vault's progress is printed as it comes."
        },
        subcommands = {VaultCli.Rotate.class, VaultCli.Retire.class, VaultCli.RotatePseudonym.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the vault finished the command", "1:the vault reported a failure", "2:a usage error"})
final class VaultCli {
    @Command(
            name = "rotate",
            description = {
                "Add a master key version and re-wrap every owner key under it.",
                "With the sandbox's key file the new version is appended to it; with PKCS#11 the vault generates it in"
                        + " the token."
            })
    static final class Rotate extends SessionCommand {
        @Override
        public Integer call() throws Exception {
            return VaultCommands.rotate(this);
        }
    }

    @Command(
            name = "retire",
            description = {
                "Retire an old master key version: re-wrap what is still under it, then destroy it.",
                "Backups made under a retired version become useless."
            })
    static final class Retire extends SessionCommand {
        @Option(
                names = "--version",
                paramLabel = "N",
                required = true,
                description = "The master key version to retire.")
        int version;

        @Override
        public Integer call() throws Exception {
            return VaultCommands.retire(this, version);
        }
    }

    @Command(name = "rotate-pseudonym", description = "Start a new pseudonym key version.")
    static final class RotatePseudonym extends SessionCommand {
        @Override
        public Integer call() throws Exception {
            return VaultCommands.rotatePseudonym(this);
        }
    }
}
