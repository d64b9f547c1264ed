package org.hrm.gateway.application;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;

/**
 * One erasure request as far as the topics tell it: requested, keys destroyed, tombstones committed, receipt.
 *
 * @param authorizedBy what authorizes the request: {@link #OWNER_SIGNATURE} (the owner's key signed it, in the portal
 *     or the CLI) or {@link #GATEWAY_ATTESTATION} (the gateway attested its authenticated caller, an owner without a
 *     key at hand); which of the two the vault accepts is its own check, this only says what the request carries
 */
public record ErasureView(
        String requestId,
        Domain domain,
        String ownerId,
        String recordId,
        Instant requestedAt,
        String authorizedBy,
        String stage,
        List<String> recordIds,
        Instant destroyedAt,
        List<TombstoneLog> tombstones,
        SignedReceipt receipt) {

    public static final String REQUESTED = "requested";
    public static final String KEYS_DESTROYED = "keys-destroyed";
    public static final String COMMITTED = "committed";
    public static final String OWNER_SIGNATURE = "owner-signature";
    public static final String GATEWAY_ATTESTATION = "gateway-attestation";
    public static final String UNSIGNED = "unsigned";

    ErasureView destroyed(List<String> erasedRecords, Instant at) {
        String next = COMMITTED.equals(stage) ? stage : KEYS_DESTROYED;
        return new ErasureView(
                requestId,
                domain,
                ownerId,
                recordId,
                requestedAt,
                authorizedBy,
                next,
                erasedRecords,
                at,
                tombstones,
                receipt);
    }

    ErasureView committed(List<TombstoneLog> committedTombstones) {
        return new ErasureView(
                requestId,
                domain,
                ownerId,
                recordId,
                requestedAt,
                authorizedBy,
                COMMITTED,
                recordIds,
                destroyedAt,
                committedTombstones,
                receipt);
    }

    /** The same erasure with its receipt, however far it got: a receipt never moves its stage. */
    public ErasureView withReceipt(SignedReceipt signed) {
        return new ErasureView(
                requestId,
                domain,
                ownerId,
                recordId,
                requestedAt,
                authorizedBy,
                stage,
                recordIds,
                destroyedAt,
                tombstones,
                signed);
    }
}
