package org.hrm.ledgerwriter.application;

import org.hrm.contracts.Domain;

/**
 * A valid event whose entry cannot go on chain (e.g. too large for one transaction), with the reason.
 *
 * @param entryId a record id, or a consent entry id
 */
public record Rejection(Domain domain, String entryId, String reason) {}
