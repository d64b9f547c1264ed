package org.hrm.ledgerwriter.application;

import org.hrm.contracts.Domain;

/** A valid event whose record cannot go on chain (e.g. too large for one transaction), with the reason. */
public record Rejection(Domain domain, String recordId, String reason) {}
