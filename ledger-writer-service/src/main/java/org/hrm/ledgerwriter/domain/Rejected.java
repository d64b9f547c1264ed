package org.hrm.ledgerwriter.domain;

/** A record that cannot be written, with the reason for the dead-letter topic. */
public record Rejected(String recordId, String reason) {}
