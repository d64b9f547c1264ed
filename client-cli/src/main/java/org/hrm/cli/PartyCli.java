package org.hrm.cli;

import java.nio.file.Path;
import org.hrm.contracts.events.PartyKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The command lines of {@code ./hrm register | rotate-key}; {@link PartyCommands} acts. */
final class PartyCli {
    private PartyCli() {}

    @Command(
            name = "register",
            description = {
                "Generate a party's key pair into a keystore and publish its public key.",
                "The registration is attested by the sandbox's gateway (a practitioner's also vouched for by its"
                        + " institution's key); the command waits for consent-service's verdict."
            },
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {VerdictTimeout.ACCEPTED, VerdictTimeout.USAGE, VerdictTimeout.REFUSED, VerdictTimeout.NONE})
    static final class Register extends SessionCommand {
        @Option(names = "--id", paramLabel = "ID", required = true, description = "The new party's id.")
        String id;

        @Option(
                names = "--kind",
                paramLabel = "patient|practitioner|system",
                required = true,
                description = "What the party is: a patient, a practitioner, or a system (a hospital's EHR).")
        PartyKind kind;

        @Option(
                names = "--keystore",
                paramLabel = "FILE",
                description = "Where to write the new key pair (default: ID.key.json); never overwritten.")
        Path keystore;

        @Option(
                names = "--institution",
                paramLabel = "ID",
                description = "A practitioner's institution (required for a practitioner).")
        String institution;

        @Option(
                names = "--institution-keystore",
                paramLabel = "FILE",
                description = "The institution's keystore: its key vouches for the practitioner (required for a"
                        + " practitioner).")
        Path institutionKeystore;

        @Mixin
        VerdictTimeout timeout;

        @Override
        public Integer call() throws Exception {
            return PartyCommands.register(this);
        }
    }

    @Command(
            name = "rotate-key",
            description = {
                "Replace a party's key, signed by the old key (with --lost, attested by the gateway).",
                "On acceptance the keystore holds the new key; the old one is kept as FILE.old, since it still opens"
                        + " the records shared before."
            },
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {VerdictTimeout.ACCEPTED, VerdictTimeout.USAGE, VerdictTimeout.REFUSED, VerdictTimeout.NONE})
    static final class RotateKey extends SessionCommand {
        @Option(
                names = "--keystore",
                paramLabel = "FILE",
                required = true,
                description = "The party's keystore, holding its current key.")
        Path keystore;

        @Option(
                names = "--new-keystore",
                paramLabel = "FILE",
                description = "Write the new key here and leave --keystore as it is (default: replace it in"
                        + " --keystore).")
        Path newKeystore;

        @Option(
                names = "--lost",
                description = "The old key is lost or compromised: the rotation is attested by the sandbox's gateway,"
                        + " not signed by the old key.")
        boolean lost;

        @Mixin
        VerdictTimeout timeout;

        @Override
        public Integer call() throws Exception {
            return PartyCommands.rotateKey(this);
        }
    }
}
