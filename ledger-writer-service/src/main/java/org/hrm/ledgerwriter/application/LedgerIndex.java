package org.hrm.ledgerwriter.application;

/** The ledger index of records: per domain, each record's state (pending in a transaction, or committed). */
public interface LedgerIndex extends EntryIndex {}
