package org.hrm.gateway.application;

import java.time.Instant;
import org.hrm.contracts.Domain;

/**
 * An erasure request as the gateway sent it or read it from the topic: one record ({@code recordId}) or all of the
 * owner's records in the domain (null), and what it carries to authorize it; whether that authorizes anything is the
 * vault's check.
 *
 * @param ownerSigned whether it carries the owner's signature
 * @param attested whether it carries the gateway's attestation of its caller
 */
public record ErasureRequest(
        String requestId,
        Domain domain,
        String ownerId,
        String recordId,
        Instant requestedAt,
        boolean ownerSigned,
        boolean attested) {

    /** What authorizes it, as {@link ErasureView#authorizedBy()} names it. */
    String authorizedBy() {
        if (ownerSigned) {
            return ErasureView.OWNER_SIGNATURE;
        }
        return attested ? ErasureView.GATEWAY_ATTESTATION : ErasureView.UNSIGNED;
    }
}
