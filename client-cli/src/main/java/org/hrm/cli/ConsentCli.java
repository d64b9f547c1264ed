package org.hrm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hrm.contracts.events.GrantScope;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The command lines of {@code ./hrm grant | revoke | grants}; {@link ConsentCommands} acts. */
final class ConsentCli {
    private ConsentCli() {}

    @Command(
            name = "grant",
            description = {
                "Grant another party access to the owner's records, signed by the owner's key.",
                "The owner's key shares of the listed records are rewrapped for the grantee. Prints the grant's id."
            },
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {VerdictTimeout.ACCEPTED, VerdictTimeout.USAGE, VerdictTimeout.REFUSED, VerdictTimeout.NONE})
    static final class Grant extends LedgerCommand {
        @Option(
                names = "--keystore",
                paramLabel = "FILE",
                required = true,
                description = "The owner's keystore: its key signs the grant.")
        Path keystore;

        @Option(names = "--to", paramLabel = "ID", required = true, description = "The grantee.")
        String to;

        @Option(
                names = "--records",
                paramLabel = "ID",
                split = ",",
                showDefaultValue = Visibility.NEVER,
                description = "The records granted, comma-separated (not with --category).")
        List<String> records = new ArrayList<>();

        @Option(
                names = "--category",
                paramLabel = "TYPE",
                defaultValue = GrantScope.ALL_CATEGORIES,
                description = "Without --records: grant the owner's records of this category ("
                        + GrantScope.ALL_CATEGORIES + ": of every category).")
        String category;

        @Option(names = "--days", paramLabel = "N", defaultValue = "30", description = "How long the grant lasts.")
        int days;

        @Option(
                names = "--seconds",
                paramLabel = "N",
                description = "How long the grant lasts, in seconds instead of --days.")
        Integer seconds;

        @Option(
                names = "--purpose",
                paramLabel = "PURPOSE",
                defaultValue = "TREAT",
                description = "The purpose of use the grant names (kept with it and in the access audit).")
        String purpose;

        @Mixin
        VerdictTimeout timeout;

        @Override
        public Integer call() throws Exception {
            if (!records.isEmpty() && !GrantScope.ALL_CATEGORIES.equals(category)) {
                throw new UsageException("grant: --records or --category, not both");
            }
            return ConsentCommands.grant(this);
        }
    }

    @Command(
            name = "revoke",
            description = "Revoke one of the owner's grants, signed by the owner's key.",
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {VerdictTimeout.ACCEPTED, VerdictTimeout.USAGE, VerdictTimeout.REFUSED, VerdictTimeout.NONE})
    static final class Revoke extends LedgerCommand {
        @Option(
                names = "--keystore",
                paramLabel = "FILE",
                required = true,
                description = "The owner's keystore: its key signs the revocation.")
        Path keystore;

        @Option(names = "--grant", paramLabel = "ID", required = true, description = "The grant to revoke.")
        String grant;

        @Mixin
        VerdictTimeout timeout;

        @Override
        public Integer call() throws Exception {
            return ConsentCommands.revoke(this);
        }
    }

    @Command(
            name = "grants",
            description = {
                "List the grants an owner signed, with their status (active, expired, revoked).",
                "Only grants and revocations whose signature verifies with the owner's key are listed."
            })
    static final class Grants extends LedgerCommand {
        @Option(names = "--owner", paramLabel = "ID", required = true, description = "The owner.")
        String owner;

        @Override
        public Integer call() throws Exception {
            return ConsentCommands.list(this);
        }
    }
}
