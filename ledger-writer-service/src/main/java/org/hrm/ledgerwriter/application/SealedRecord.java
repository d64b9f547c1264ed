package org.hrm.ledgerwriter.application;

import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.LedgerRecord;

/** A valid sealed record and the domain whose contract must carry it. */
public record SealedRecord(Domain domain, LedgerRecord record) {}
