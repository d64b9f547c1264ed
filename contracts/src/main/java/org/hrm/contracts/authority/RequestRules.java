package org.hrm.contracts.authority;

import java.util.Objects;
import java.util.Optional;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.ErasureRequested;

/**
 * Whether a request carries its party's authority: signed by the party's current key, or attested by the gateway for
 * that party. Only the current key counts: keys are rotated because they leak, so an earlier key may verify old
 * provenance but never authorizes anything new.
 */
public final class RequestRules {
    private final AttestationKeys attesters;

    public RequestRules(AttestationKeys attesters) {
        this.attesters = Objects.requireNonNull(attesters, "attesters");
    }

    /**
     * Empty when the erasure request is the owner's; otherwise why not.
     *
     * @param owner the directory's entry for {@code request.ownerId()}, or null
     */
    public Optional<String> erasureRefusal(ErasureRequested request, DirectoryEntry owner) {
        if (owner != null && owner.partyId().equals(request.ownerId()) && request.signedBy(owner.publicKey())) {
            return Optional.empty();
        }
        return AttestationRule.refusal(
                        request.attestation(),
                        attesters,
                        request.ownerId(),
                        Attestation.ERASURE,
                        request.signedBytes(),
                        request.requestedAt())
                .map(reason -> "erasure request " + request.requestId() + " is signed by neither owner "
                        + request.ownerId() + "'s current key nor a valid attestation (" + reason + ")");
    }

    /**
     * Empty when the access request is the requester's; otherwise why not.
     *
     * @param requester the directory's entry for {@code request.requesterId()}, or null
     */
    public Optional<String> accessRefusal(AccessRequested request, DirectoryEntry requester) {
        if (requester != null
                && requester.partyId().equals(request.requesterId())
                && request.signedBy(requester.publicKey())) {
            return Optional.empty();
        }
        return AttestationRule.refusal(
                        request.attestation(),
                        attesters,
                        request.requesterId(),
                        Attestation.ACCESS,
                        request.signedBytes(),
                        request.requestedAt())
                .map(reason -> "access request " + request.requestId() + " is signed by neither requester "
                        + request.requesterId() + "'s current key nor a valid attestation (" + reason + ")");
    }
}
