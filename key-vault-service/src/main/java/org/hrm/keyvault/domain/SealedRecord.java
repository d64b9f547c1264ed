package org.hrm.keyvault.domain;

import java.time.Instant;
import java.util.List;

/** What the vault publishes for the chain: C2, shares and signature, people named only by pseudonyms. */
public record SealedRecord(
        String recordId,
        RecordDomain domain,
        byte[] ownerPseudonym,
        byte[] outerCiphertext,
        List<SealedReaderShare> shares,
        byte[] authorSignature,
        Instant sealedAt) {}
