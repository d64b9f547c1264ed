package org.hrm.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command lines of {@code ./hrm submit | fetch | erase}; {@link RecordCommands} and {@link ErasureCommands} act. */
final class RecordCli {
    private RecordCli() {}

    @Command(
            name = "submit",
            description = {
                "Encrypt a record for its owner (and the owner's standing grantees) and submit it.",
                "Prints the record's id."
            })
    static final class Submit extends LedgerCommand {
        @Option(
                names = "--keystore",
                paramLabel = "FILE",
                required = true,
                description = "The author's keystore: its key signs the record.")
        Path keystore;

        @Option(names = "--owner", paramLabel = "ID", required = true, description = "The party the record is about.")
        String owner;

        @Option(names = "--file", paramLabel = "FILE", required = true, description = "The record's content.")
        Path file;

        @Option(
                names = "--category",
                paramLabel = "TYPE",
                description = "The record's category, which grants by category cover (none: only grants of every"
                        + " category do).")
        String category;

        @Override
        public Integer call() throws Exception {
            return RecordCommands.submit(this);
        }
    }

    @Command(
            name = "fetch",
            description = {
                "Decrypt a record to stdout or a file, only if its author's signature verifies.",
                "The author's key is checked against the keys the directory says it held when the record was sealed."
            },
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {
                "0:the record, its provenance verified",
                "2:a usage error",
                "3:access denied (the reason is printed)",
                "4:provenance not verified, or another owner's record: not shown"
            })
    static final class Fetch extends LedgerCommand {
        @Option(
                names = "--keystore",
                paramLabel = "FILE",
                required = true,
                description = "The reader's keystore: the record is released to this party.")
        Path keystore;

        @Option(names = "--record", paramLabel = "ID", required = true, description = "The record's id.")
        String record;

        @Option(
                names = "--owner",
                paramLabel = "ID",
                required = true,
                description = "Whose record it must be: another owner's record is not shown.")
        String owner;

        @Option(names = "--out", paramLabel = "FILE", description = "Write the record here, not to stdout.")
        Path out;

        @Option(
                names = "--purpose",
                paramLabel = "PURPOSE",
                defaultValue = "TREAT",
                description = "The purpose of use the request states (kept in the access audit).")
        String purpose;

        @Option(
                names = "--emergency",
                paramLabel = "REASON",
                description = "Emergency access for this stated reason: allowed to a practitioner whose institution"
                        + " authored the record or holds a grant of it; audited as such.")
        String emergency;

        @Option(
                names = "--institution-keystore",
                paramLabel = "FILE",
                description = "The institution's keystore: opens the share the vault releases for emergency access.")
        Path institutionKeystore;

        @Override
        public Integer call() throws Exception {
            return RecordCommands.fetch(this);
        }
    }

    @Command(
            name = "erase",
            description = {
                "Erase one record or all of an owner's records, and print the vault's signed receipt.",
                "The request is signed with the owner's key; the receipt names the tombstones written on chain."
            },
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {
                "0:erased, and the receipt verifies with the vault's published key",
                "1:the vault refused (its reason is printed), or the receipt does not verify",
                "2:a usage error"
            })
    static final class Erase extends LedgerCommand {
        @Option(
                names = "--keystore",
                paramLabel = "FILE",
                required = true,
                description = "The owner's keystore: only the owner can ask to erase its records.")
        Path keystore;

        @Option(names = "--record", paramLabel = "ID", description = "The record to erase.")
        String record;

        @Option(names = "--all", description = "Erase every record of the owner instead.")
        boolean all;

        @Option(
                names = "--owner",
                paramLabel = "ID",
                description = "The owner, as a check: must be the keystore's party (default: the keystore's).")
        String owner;

        @Option(names = "--receipt", paramLabel = "FILE", description = "Also write the signed receipt here.")
        Path receipt;

        @Override
        public Integer call() throws Exception {
            return ErasureCommands.erase(this);
        }
    }
}
