package org.hrm.contracts.authority;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.crypto.P256;

/**
 * Who may put which key in the directory (protocol v2). First registration no longer wins: an attested registration
 * wins, and keys can be rotated.
 *
 * <ul>
 *   <li>A registration needs a valid key, its proof of possession, and the gateway's attestation (purpose
 *       {@code register}) of that party id; a practitioner also needs its institution's signature, made with the
 *       institution's current directory key (a registered {@link PartyKind#SYSTEM}).
 *   <li>A party already registered by an attested registration keeps its key: registering the same key, kind and
 *       institution again changes nothing; anything else is refused (a key changes only by rotation). An entry that
 *       a pre-v2 store kept from an unsigned registration (first come, possibly a squatter) is replaced by an attested
 *       one; its key is kept as {@link RetiredKey.Ending#SUPERSEDED_UNATTESTED}, never taken as the party's.
 *   <li>A rotation names the key it replaces, which must be the current one (so a replayed old rotation does
 *       nothing), proves possession of a new key never held before by that party, and is signed by the current key or
 *       attested by the gateway (purpose {@code rotate-key}: a lost key). The old key goes to the entry's history with
 *       how it ended: {@link RetiredKey.Ending#ROTATED} at the rotation's time, or
 *       {@link RetiredKey.Ending#REPORTED_LOST} at the earlier of the rotation's time and the attestation's.
 * </ul>
 *
 * <p>Services keep their own directory store; this class only decides, from the entry they have.
 */
public final class DirectoryRules {
    private final AttestationKeys attesters;

    public DirectoryRules(AttestationKeys attesters) {
        this.attesters = Objects.requireNonNull(attesters, "attesters");
    }

    /**
     * Decides a registration.
     *
     * @param current the directory's entry for {@code event.partyId()}, or null
     * @param institution the directory's entry for {@code event.institutionId()}, or null (needed for a practitioner)
     */
    public DirectoryDecision register(PartyRegistered event, DirectoryEntry current, DirectoryEntry institution) {
        String party = event.partyId();
        if (!P256.isPublicKey(event.publicKey())) {
            return DirectoryDecision.refuse("public key of party " + party + " is not an uncompressed P-256 point");
        }
        if (!event.possessionProven()) {
            return DirectoryDecision.refuse("registration of " + party + " has no valid proof of possession");
        }
        Optional<String> unattested = AttestationRule.refusal(
                event.attestation(), attesters, party, Attestation.REGISTER, event.signedBytes(), event.registeredAt());
        if (unattested.isPresent()) {
            return DirectoryDecision.refuse("registration of " + party + " is not attested: " + unattested.get());
        }
        if (event.kind() == PartyKind.PRACTITIONER) {
            Optional<String> unvouched = vouchingRefusal(event, institution);
            if (unvouched.isPresent()) {
                return DirectoryDecision.refuse(unvouched.get());
            }
        }
        DirectoryEntry registered = new DirectoryEntry(
                party, event.kind(), event.institutionId(), event.publicKey(), event.registeredAt(), true, List.of());
        if (current == null) {
            return DirectoryDecision.accept(registered);
        }
        if (current.isCurrentKey(event.publicKey())
                && current.kind() == event.kind()
                && Objects.equals(current.institutionId(), event.institutionId())) {
            return DirectoryDecision.accept(current.attested() ? current : withHistoryOf(registered, current));
        }
        if (!current.attested()) {
            // A first-come v1 entry, possibly a squatter's: the attested registration wins; its key stays as history.
            return DirectoryDecision.accept(withHistoryOf(registered, current));
        }
        return DirectoryDecision.refuse("party " + party
                + " is already registered with another key, kind or institution; a key changes only by rotation");
    }

    /**
     * Decides a key rotation.
     *
     * @param current the directory's entry for {@code event.partyId()}, or null
     */
    public DirectoryDecision rotate(PartyKeyRotated event, DirectoryEntry current) {
        String party = event.partyId();
        if (current == null) {
            return DirectoryDecision.refuse("party " + party + " is not registered");
        }
        if (!current.isCurrentKey(event.previousPublicKey())) {
            return DirectoryDecision.refuse(
                    "rotation of " + party + " replaces a key that is not its current key (stale or replayed)");
        }
        if (!P256.isPublicKey(event.newPublicKey())) {
            return DirectoryDecision.refuse("new key of party " + party + " is not an uncompressed P-256 point");
        }
        if (current.everHeld(event.newPublicKey())) {
            return DirectoryDecision.refuse("new key of party " + party + " was already one of its keys");
        }
        if (!event.possessionProven()) {
            return DirectoryDecision.refuse("rotation of " + party + " has no valid proof of possession");
        }
        if (event.rotatedAt().isBefore(current.since())) {
            return DirectoryDecision.refuse("rotation of " + party + " predates its current key");
        }
        if (event.signedByPreviousKey()) {
            return DirectoryDecision.accept(current.rotatedTo(
                    event.newPublicKey(),
                    event.rotatedAt(),
                    current.attested(),
                    event.rotatedAt(),
                    RetiredKey.Ending.ROTATED));
        }
        Optional<String> unattested = AttestationRule.refusal(
                event.attestation(), attesters, party, Attestation.ROTATE_KEY, event.signedBytes(), event.rotatedAt());
        if (unattested.isPresent()) {
            return DirectoryDecision.refuse("rotation of " + party
                    + " is signed by neither its current key nor a valid attestation (" + unattested.get() + ")");
        }
        // Lost from the report on at the latest: the earlier of the rotation's time and the gateway's attestation.
        Instant issued = event.attestation().issuedAt();
        Instant lostBy = issued.isBefore(event.rotatedAt()) ? issued : event.rotatedAt();
        return DirectoryDecision.accept(current.rotatedTo(
                event.newPublicKey(), event.rotatedAt(), true, lostBy, RetiredKey.Ending.REPORTED_LOST));
    }

    private static Optional<String> vouchingRefusal(PartyRegistered event, DirectoryEntry institution) {
        String party = event.partyId();
        if (event.institutionId() == null) {
            return Optional.of("practitioner " + party + " names no institution");
        }
        if (institution == null || !institution.partyId().equals(event.institutionId())) {
            return Optional.of(
                    "institution " + event.institutionId() + " of practitioner " + party + " is not registered");
        }
        if (institution.kind() != PartyKind.SYSTEM) {
            return Optional.of(event.institutionId() + " is not an institution (hospital system)");
        }
        if (!event.vouchedFor(institution.publicKey())) {
            return Optional.of("practitioner " + party + " is not vouched for by institution " + event.institutionId());
        }
        return Optional.empty();
    }

    private static DirectoryEntry withHistoryOf(DirectoryEntry registered, DirectoryEntry replaced) {
        List<RetiredKey> history = new ArrayList<>(replaced.retiredKeys());
        if (!replaced.isCurrentKey(registered.publicKey())) {
            history.add(
                    new RetiredKey(replaced.publicKey(), registered.since(), RetiredKey.Ending.SUPERSEDED_UNATTESTED));
        }
        return new DirectoryEntry(
                registered.partyId(),
                registered.kind(),
                registered.institutionId(),
                registered.publicKey(),
                registered.since(),
                true,
                history);
    }
}
