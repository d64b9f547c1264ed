package org.hrm.keyvault.domain;

import java.time.Instant;

/**
 * One owner's KEK as stored: wrapped under a master key version; {@code kekId} names this KEK so record keys can
 * tell it from a later one (after erasure the owner gets a new KEK, and old records stay dead).
 */
public record WrappedOwnerKey(
        String ownerId, String kekId, byte[] wrappedKek, int masterKeyVersion, Instant createdAt) {}
