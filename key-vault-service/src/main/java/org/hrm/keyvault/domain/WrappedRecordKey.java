package org.hrm.keyvault.domain;

import java.time.Instant;

/** One record's K2 as stored: wrapped under its owner's KEK {@code kekId}, with the digest of what was sealed. */
public record WrappedRecordKey(
        String recordId, String ownerId, String kekId, byte[] wrappedK2, byte[] submissionDigest, Instant createdAt) {}
