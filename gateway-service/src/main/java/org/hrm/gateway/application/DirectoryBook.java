package org.hrm.gateway.application;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.contracts.Domain;
import org.hrm.contracts.authority.DirectoryDecision;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.DirectoryRules;

/**
 * The party directory, kept by the same {@link DirectoryRules} consent-service applies (an attested registration
 * wins, rotations by the old key or a fresh attestation, old keys kept), and consent-service's latest standing grants
 * per owner and domain. The rules judge each signed registration or rotation itself, as the adapter that read it hands
 * it over ({@link SignedRegistration}, {@link SignedRotation}); an event the rules refuse changes nothing here. Every accepted change is written to the
 * {@link ViewStore}, and the book starts from what the store holds.
 */
public final class DirectoryBook {
    private final DirectoryRules rules;
    private final Map<String, DirectoryEntry> parties = new ConcurrentHashMap<>();
    private final Map<String, OwnerGrants> standing = new ConcurrentHashMap<>();
    private final Map<String, RefusedRotation> refusedRotations = new ConcurrentHashMap<>();

    private final ViewStore store;

    /** A book that keeps nothing past this process: for tests that never restart it. */
    public DirectoryBook(DirectoryRules rules) {
        this(rules, ViewStore.none());
    }

    /** A book that starts from the parties and standing grants in {@code store} and writes each change there. */
    public DirectoryBook(DirectoryRules rules, ViewStore store) {
        this.rules = rules;
        this.store = store;
        store.parties().forEach(entry -> parties.put(entry.partyId(), entry));
        store.standingGrants().forEach(grants -> standing.put(key(grants.domain(), grants.ownerId()), grants));
    }

    /** Applies a registration if the rules accept it; the refusal otherwise. */
    public synchronized Optional<String> registered(SignedRegistration registration) {
        DirectoryEntry institution =
                registration.institutionId() == null ? null : parties.get(registration.institutionId());
        return apply(registration.judgement().judge(rules, parties.get(registration.partyId()), institution));
    }

    /** Applies a key rotation if the rules accept it; the refusal otherwise. */
    public synchronized Optional<String> rotated(SignedRotation rotation) {
        String partyId = rotation.partyId();
        Optional<String> refusal = apply(rotation.judgement().judge(rules, parties.get(partyId)));
        // The party's latest refused attempt, for its own outcome view; one per registered party, so bounded.
        if (refusal.isPresent() && parties.containsKey(partyId)) {
            refusedRotations.put(partyId, new RefusedRotation(rotation.newPublicKey(), refusal.get()));
        }
        return refusal;
    }

    /**
     * Why the rules would refuse this rotation against the directory as it stands, if they would. A preview for a
     * clear answer to the caller; the verdict is each directory keeper's when the event arrives in topic order.
     */
    public synchronized Optional<String> rotationRefusal(SignedRotation rotation) {
        return rotation.judgement()
                .judge(rules, parties.get(rotation.partyId()))
                .refusalReason();
    }

    /**
     * What the directory did with a rotation of {@code partyId} to {@code newPublicKey}: accepted (the key is or was
     * the party's), refused with the rules' reason, or not seen yet. The gateway applies the same rules as
     * consent-service to the same ordered partition, so this is the directory's verdict.
     */
    public RotationOutcome rotationOutcome(String partyId, byte[] newPublicKey) {
        DirectoryEntry entry = parties.get(partyId);
        if (entry != null && entry.everHeld(newPublicKey)) {
            return new RotationOutcome(RotationOutcome.ACCEPTED, null);
        }
        RefusedRotation refused = refusedRotations.get(partyId);
        if (refused != null && MessageDigest.isEqual(refused.newPublicKey(), newPublicKey)) {
            return new RotationOutcome(RotationOutcome.REFUSED, refused.reason());
        }
        return new RotationOutcome(RotationOutcome.PENDING, null);
    }

    /** A rotation's outcome in the directory: {@code accepted}, {@code refused} (with the reason) or {@code pending}. */
    public record RotationOutcome(String status, String reason) {
        public static final String ACCEPTED = "accepted";
        public static final String REFUSED = "refused";
        public static final String PENDING = "pending";
    }

    private record RefusedRotation(byte[] newPublicKey, String reason) {}

    private Optional<String> apply(DirectoryDecision decision) {
        if (decision.accepted()) {
            DirectoryEntry before = parties.put(decision.entry().partyId(), decision.entry());
            if (!decision.entry().equals(before)) {
                store.saveParty(decision.entry());
            }
        }
        return decision.refusalReason();
    }

    /**
     * Consent-service's latest grants of one owner in one domain. One owner's events are in order on their partition;
     * an older one read again after a restart is replaced by the newer ones behind it on the same partition.
     */
    public synchronized void standingGrants(OwnerGrants grants) {
        OwnerGrants before = standing.put(key(grants.domain(), grants.ownerId()), grants);
        if (!grants.equals(before)) {
            store.saveStandingGrants(grants);
        }
    }

    public Optional<DirectoryEntry> party(String partyId) {
        return Optional.ofNullable(parties.get(partyId));
    }

    public Optional<OwnerGrants> grantsOf(Domain domain, String ownerId) {
        return Optional.ofNullable(standing.get(key(domain, ownerId)));
    }

    /** Every owner's standing grant that names {@code granteeId}, with the owner it belongs to. */
    public List<Granted> grantedTo(String granteeId) {
        List<Granted> found = new ArrayList<>();
        standing.values()
                .forEach(grants -> grants.grantees().stream()
                        .filter(grantee -> grantee.granteeId().equals(granteeId))
                        .forEach(grantee -> found.add(new Granted(grants.ownerId(), grants.domain(), grantee))));
        return found;
    }

    /** One standing grant to a grantee. */
    public record Granted(String ownerId, Domain domain, OwnerGrants.Grantee grant) {}

    private static String key(Domain domain, String ownerId) {
        return domain.id() + "/" + ownerId;
    }
}
