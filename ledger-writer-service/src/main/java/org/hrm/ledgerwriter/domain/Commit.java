package org.hrm.ledgerwriter.domain;

import java.time.Instant;

/**
 * Where an index entry landed: its log in a confirmed transaction of the domain's contract.
 *
 * @param entryId the record id of a stored or erased record, or a consent entry id
 *     ({@link ShareGrant#entryId()}, {@link Revocation#entryId()})
 */
public record Commit(
        String entryId,
        String contractAddress,
        String transactionHash,
        long blockNumber,
        int logIndex,
        Instant committedAt) {}
