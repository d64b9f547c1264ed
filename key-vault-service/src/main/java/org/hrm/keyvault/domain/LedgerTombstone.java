package org.hrm.keyvault.domain;

/** The RecordErased log the ledger writer confirmed for one erased record. */
public record LedgerTombstone(String recordId, String transactionHash, long blockNumber, int logIndex) {}
