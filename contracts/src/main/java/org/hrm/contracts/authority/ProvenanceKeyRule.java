package org.hrm.contracts.authority;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.hrm.crypto.Ecdsa;

/**
 * Which of an author's keys may stand behind a record's provenance signature: the one place of the rule, used by the
 * SDK, the CLI and the gateway (the portal's hrm-crypto.js {@code verifyProvenanceWithHistory} applies the same rule).
 *
 * <p>A record outlives its author's keys, so a signature is judged against every key the directory knows the author
 * held, each by how it ended:
 *
 * <ul>
 *   <li>the current key: accepted;
 *   <li>a key the author rotated away by signing the rotation with it ({@link RetiredKey.Ending#ROTATED}): accepted.
 *       The author still held it and has not called it lost: a routine rotation says nothing of compromise (a report
 *       of loss names the current key, so a key found stolen after it was rotated away cannot be reported now);
 *   <li>a key the author reported lost ({@link RetiredKey.Ending#REPORTED_LOST}, a rotation attested by the gateway
 *       instead of signed by the key): accepted only if the vault sealed the record before the key's retirement,
 *       established from a seal time the caller can vouch for (the vault-signed {@code RecordSealed}); otherwise
 *       refused as {@link #LOST_KEY}. A thief's signature made after the report is refused; one made before it is
 *       indistinguishable from the owner's, as with any revocation that cannot date the theft;
 *   <li>a key an attested registration replaced ({@link RetiredKey.Ending#SUPERSEDED_UNATTESTED}: never proven the
 *       party's) or whose end the store did not record ({@link RetiredKey.Ending#UNRECORDED}): refused;
 *   <li>a key the author never held: refused.
 * </ul>
 */
public final class ProvenanceKeyRule {
    /** How a refusal for a lost key begins, whatever follows: callers and tests tell it apart by this. */
    public static final String LOST_KEY = "signed with a key its owner reported lost";

    private ProvenanceKeyRule() {}

    /**
     * Why the provenance signature does not stand for {@code authorId}, or empty when it does.
     *
     * @param author the directory's entry for {@code authorId}, or null if it has none
     * @param signedBytes the record's provenance bytes ({@link org.hrm.contracts.ProvenanceBytes})
     * @param sealedAt when the vault sealed the record, by a source the caller trusts; asked for only when the
     *     signature is by a key reported lost, empty when unknown
     */
    public static Optional<String> refusal(
            String authorId,
            DirectoryEntry author,
            byte[] signedBytes,
            byte[] signature,
            Supplier<Optional<Instant>> sealedAt) {
        if (author == null || !author.partyId().equals(authorId)) {
            return Optional.of("the author " + authorId + " is not in the party directory: provenance unverifiable");
        }
        if (Ecdsa.verify(author.publicKey(), signedBytes, signature)) {
            return Optional.empty();
        }
        Optional<RetiredKey> signer = author.retiredKeys().stream()
                .filter(old -> Ecdsa.verify(old.publicKey(), signedBytes, signature))
                .findFirst();
        if (signer.isEmpty()) {
            return Optional.of("the author's signature does not verify under any key " + authorId + " has held");
        }
        RetiredKey key = signer.get();
        return switch (key.ended()) {
            case ROTATED -> Optional.empty();
            case REPORTED_LOST -> lostKeyRefusal(authorId, key, sealedAt.get());
            case SUPERSEDED_UNATTESTED ->
                Optional.of("signed with a key that was never proven to be " + authorId
                        + "'s (an unattested registration its attested one replaced)");
            case UNRECORDED ->
                Optional.of("signed with an earlier key of " + authorId
                        + " whose retirement this directory did not record");
        };
    }

    /** Whether the signature stands for {@code authorId}; see {@link #refusal}. */
    public static boolean verifies(
            String authorId,
            DirectoryEntry author,
            byte[] signedBytes,
            byte[] signature,
            Supplier<Optional<Instant>> sealedAt) {
        return refusal(authorId, author, signedBytes, signature, sealedAt).isEmpty();
    }

    private static Optional<String> lostKeyRefusal(String authorId, RetiredKey key, Optional<Instant> sealedAt) {
        if (sealedAt.isEmpty()) {
            return Optional.of(LOST_KEY + " (" + authorId + ", at " + key.retiredAt()
                    + ") and the record's sealing time is not established");
        }
        if (!sealedAt.get().isBefore(key.retiredAt())) {
            return Optional.of(LOST_KEY + " (" + authorId + ", at " + key.retiredAt()
                    + ") and the record was sealed after that, at " + sealedAt.get());
        }
        return Optional.empty();
    }
}
