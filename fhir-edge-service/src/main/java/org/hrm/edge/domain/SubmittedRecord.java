package org.hrm.edge.domain;

import java.time.Instant;

/** A record this edge submitted: what it needs to report the record's status and to read it back. */
public record SubmittedRecord(String recordId, Owner owner, String category, Instant submittedAt) {}
