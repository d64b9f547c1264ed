package org.hrm.ledgerwriter.adapter.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.DirectoryKeeper;
import org.hrm.contracts.authority.ShareShape;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.GrantShare;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.SealedShare;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.P256;
import org.hrm.ledgerwriter.application.GrantOwners;

/**
 * The checks an event passes before the ledger writer puts anything of it on chain (protocol v2, "nothing unverified
 * on chain"): the same as its authority's verifier. It reads the contract events themselves (their signatures cover
 * the events' bytes), so it sits in the adapter, before anything is mapped to the use cases' types.
 *
 * <ul>
 *   <li>RecordSealed: signed by the vault's published key; every share of a share's shape (v2 145 bytes or v1 113).
 *   <li>KeysDestroyed: signed by the vault's published key.
 *   <li>ConsentGranted: signed by the owner's current directory key; every share a v2 share (145 bytes): new grants
 *       never carry v1 shares.
 *   <li>ConsentRevoked: signed by the owner's current key, naming a grant this writer verified, of the same owner. One
 *       whose grant is not verified yet awaits it ({@link org.hrm.ledgerwriter.application.EarlyRevocations}).
 * </ul>
 *
 * <p>Only the owner's current key authorizes: keys are rotated because they leak. An owner the directory does not
 * know yet is waited for up to {@code partyGrace} (a registration and a first grant are sent moments apart, on
 * different topics), counted from the event's own time and never longer than the grace from now.
 */
public final class WriteAuthority {
    private final byte[] vaultPublicKey;
    private final DirectoryKeeper directory;
    private final GrantOwners grants;
    private final Duration partyGrace;
    private final Clock clock;

    public WriteAuthority(
            byte[] vaultPublicKey, DirectoryKeeper directory, GrantOwners grants, Duration partyGrace, Clock clock) {
        this.vaultPublicKey = P256.requirePublicKey(vaultPublicKey).clone();
        this.directory = Objects.requireNonNull(directory, "directory");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.partyGrace = Objects.requireNonNull(partyGrace, "partyGrace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Empty when the vault sealed this record and its shares are share-shaped; otherwise why not. */
    public Optional<String> sealedRefusal(RecordSealed sealed) {
        if (!sealed.signedBy(vaultPublicKey)) {
            return Optional.of("RecordSealed " + sealed.recordId() + " is not signed by the vault's key");
        }
        for (SealedShare share : sealed.shares()) {
            Optional<String> shape = ShareShape.anyVersionRefusal(share.share());
            if (shape.isPresent()) {
                return Optional.of("RecordSealed " + sealed.recordId() + ": " + shape.get());
            }
        }
        return Optional.empty();
    }

    /** Empty when the vault signed this destruction; otherwise why not. */
    public Optional<String> destroyedRefusal(KeysDestroyed destroyed) {
        if (!destroyed.signedBy(vaultPublicKey)) {
            return Optional.of("KeysDestroyed " + destroyed.requestId() + " is not signed by the vault's key");
        }
        return Optional.empty();
    }

    /** Empty when the owner granted this (its shares v2-shaped), and the grant is then remembered; else why not. */
    public Optional<String> grantRefusal(ConsentGranted grant) {
        String what = "grant " + grant.grantId();
        Optional<String> unsigned =
                ownerRefusal(what, grant.ownerId(), grant.grantedAt(), grant.signedBytes(), grant.ownerSignature());
        if (unsigned.isPresent()) {
            return unsigned;
        }
        for (GrantShare share : grant.shares()) {
            Optional<String> shape = ShareShape.v2Refusal(share.share());
            if (shape.isPresent()) {
                return Optional.of(what + ", share of record " + share.recordId() + ": " + shape.get());
            }
        }
        grants.remember(grant.domain(), grant.grantId(), grant.ownerId());
        return Optional.empty();
    }

    /**
     * Accepted when the owner revoked one of its own grants that this writer verified; awaiting the grant when the
     * owner signed it but the grant is not verified yet (the caller holds it and asks again); otherwise refused.
     */
    public RevocationCheck revocationCheck(ConsentRevoked revoked) {
        String what = "revocation of grant " + revoked.grantId();
        Optional<String> unsigned = ownerRefusal(
                what, revoked.ownerId(), revoked.revokedAt(), revoked.signedBytes(), revoked.ownerSignature());
        if (unsigned.isPresent()) {
            return RevocationCheck.refused(unsigned.get());
        }
        Optional<String> owner = grants.ownerOf(revoked.domain(), revoked.grantId());
        if (owner.isEmpty()) {
            return new RevocationCheck(what + " names a grant this ledger writer has not verified", true);
        }
        if (!owner.get().equals(revoked.ownerId())) {
            return RevocationCheck.refused(what + " by " + revoked.ownerId() + " names a grant of another owner");
        }
        return RevocationCheck.ACCEPTED;
    }

    /**
     * The verdict on a revocation.
     *
     * @param refusal why it cannot be written now; null when it can
     * @param awaitsGrant the only thing missing is its grant: its signature is its owner's, the grant not verified yet
     */
    public record RevocationCheck(String refusal, boolean awaitsGrant) {
        static final RevocationCheck ACCEPTED = new RevocationCheck(null, false);

        static RevocationCheck refused(String reason) {
            return new RevocationCheck(reason, false);
        }

        public boolean accepted() {
            return refusal == null;
        }
    }

    private Optional<String> ownerRefusal(
            String what, String ownerId, Instant eventTime, byte[] signedBytes, byte[] signature) {
        Optional<DirectoryEntry> owner = directory.awaitEntry(ownerId, eventTime, partyGrace, clock);
        if (owner.isEmpty()) {
            return Optional.of(what + ": owner " + ownerId + " is not registered");
        }
        if (!Ecdsa.verify(owner.get().publicKey(), signedBytes, signature)) {
            return Optional.of(what + " is not signed by owner " + ownerId + "'s current key");
        }
        return Optional.empty();
    }
}
