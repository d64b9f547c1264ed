package org.hrm.gateway.application;

/** The RecordErased log the ledger writer wrote on chain for one erased record. */
public record TombstoneLog(String recordId, String transactionHash, long blockNumber, int logIndex) {}
