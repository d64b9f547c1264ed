package org.hrm.gateway.application;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;

/**
 * The vault sealed one submission of a record: it names the submission by the author's signature and the share bytes,
 * in the submitted order.
 */
public record Seal(String recordId, Domain domain, Instant sealedAt, byte[] authorSignature, List<byte[]> shares) {
    public Seal {
        shares = List.copyOf(shares);
    }
}
