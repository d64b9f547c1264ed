package org.hrm.contracts.events;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;

/**
 * The key vault added the outer layer; this is exactly what goes on chain, nothing that names a person.
 *
 * @param ownerPseudonym keyed pseudonym of the owner (32 bytes)
 * @param outerCiphertext C2 = AES-256-GCM(K2, C1)
 */
public record RecordSealed(
        String recordId,
        Domain domain,
        byte[] ownerPseudonym,
        byte[] outerCiphertext,
        List<SealedShare> shares,
        byte[] authorSignature,
        Instant sealedAt) {

    public RecordSealed {
        Require.recordId(recordId);
        Require.present(domain, "domain");
        Require.bytes(ownerPseudonym, "ownerPseudonym", 32);
        Require.bytes(outerCiphertext, "outerCiphertext");
        shares = List.copyOf(Require.nonEmpty(shares, "shares"));
        Require.bytes(authorSignature, "authorSignature");
        Require.present(sealedAt, "sealedAt");
    }
}
