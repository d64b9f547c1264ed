package org.hrm.ledgerwriter.domain;

/** One RecordStored log of a receipt: the emitting contract, the record id topic and the log index. */
public record StoredLog(String contractAddress, String recordId, int logIndex) {}
