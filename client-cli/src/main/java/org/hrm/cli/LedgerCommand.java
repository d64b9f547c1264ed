package org.hrm.cli;

import org.hrm.contracts.Domain;
import picocli.CommandLine.Option;

/** A command about records and grants on one of the platform's two ledgers. */
abstract class LedgerCommand extends SessionCommand {
    @Option(
            names = "--domain",
            paramLabel = "patient|practitioner",
            defaultValue = "patient",
            description = "The ledger: a patient's records, or a practitioner's.")
    Domain domain;
}
