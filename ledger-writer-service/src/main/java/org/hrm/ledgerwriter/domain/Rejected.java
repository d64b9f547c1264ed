package org.hrm.ledgerwriter.domain;

/** An entry (a record, a key share) that cannot be written, with the reason for the dead-letter topic. */
public record Rejected(String entryId, String reason) {}
