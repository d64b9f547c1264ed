package org.hrm.ledgerwriter.domain;

/**
 * One log of a receipt that writes a ledger index entry (RecordStored, RecordInCalldata, RecordChunkStored, ShareGranted, GrantRevoked or
 * RecordErased): the emitting contract, the entry id its topics name and the log index.
 */
public record StoredLog(String contractAddress, String entryId, int logIndex) {}
