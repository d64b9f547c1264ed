package org.hrm.client.sdk;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.hrm.contracts.Domain;
import org.hrm.contracts.ProvenanceBytes;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.ProvenanceKeyRule;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.crypto.P256;

/**
 * Opens a record on a reader's client: unwraps K1 from the reader's share, decrypts C1, checks the content, and
 * verifies the author's provenance signature.
 *
 * <p>{@link #open} is the reader's API: it presents content only after the author's signature verified against the
 * author's key history from the party directory ({@link ProvenanceKeyRule}; {@link UnverifiedRecordException}
 * otherwise), so a record written before its author rotated keys still verifies. {@link #decrypt} is the step
 * without provenance, for callers that verify separately.
 *
 * <p>Thread-safe and stateless. Failures caused by the record's bytes are {@link RecordCryptoException}s.
 */
public final class RecordDecryptor {

    /**
     * Opens a release as its requester and presents the record only if its provenance verifies: the release must be
     * sealed to {@code requester}, {@code submission} must be the submission of exactly the released C1, and its
     * author's signature must verify under a key the author held, by {@link ProvenanceKeyRule}: the current key, a key
     * the author rotated away, or a key the author reported lost if the vault sealed the record before the report.
     *
     * @param submission the record's submission as the platform accepted it (ids, shares, signature; its C1 must be
     *     the released one)
     * @param shareHolder whose share the vault released: the requester, or in an emergency its institution
     * @param author the party directory's entry for {@code submission.authorId()} with its key history; null if none
     * @param sealedAt when the vault sealed the record, from a source the caller trusts (the vault-signed
     *     {@code RecordSealed}); asked for only if the signature is by a key reported lost
     * @return the plaintext, owned by the caller
     * @throws UnverifiedRecordException if the provenance is of another record or does not stand for its author
     * @throws RecordCryptoException if the release, the share or C1 does not open, or the content check fails
     */
    public byte[] open(
            RecordReleased released,
            RecordSubmitted submission,
            PartyKeyHolder requester,
            PartyKeyHolder shareHolder,
            DirectoryEntry author,
            Supplier<Optional<Instant>> sealedAt) {
        byte[] innerCiphertext = openReleased(released, requester);
        requireReleasedSubmission(released, submission, innerCiphertext);
        try {
            verifyProvenance(submission, author, sealedAt);
        } catch (RecordCryptoException | IllegalArgumentException e) {
            throw new UnverifiedRecordException(e.getMessage());
        }
        return decryptReleased(released, submission, innerCiphertext, shareHolder);
    }

    /**
     * Opens a release whose provenance is checked against one given key only (no key history): see
     * {@link #open(RecordReleased, RecordSubmitted, PartyKeyHolder, PartyKeyHolder, DirectoryEntry, Supplier)}, which judges a
     * rotated author's older records too.
     *
     * @param authorPublicKey the key to check the author's signature with; null if unknown
     */
    public byte[] open(
            RecordReleased released,
            RecordSubmitted submission,
            PartyKeyHolder requester,
            PartyKeyHolder shareHolder,
            byte[] authorPublicKey) {
        byte[] innerCiphertext = openReleased(released, requester);
        requireReleasedSubmission(released, submission, innerCiphertext);
        if (authorPublicKey == null) {
            throw new UnverifiedRecordException(
                    "the author " + submission.authorId() + " is not in the party directory: provenance unverifiable");
        }
        try {
            verifyProvenance(submission, authorPublicKey);
        } catch (RecordCryptoException | IllegalArgumentException e) {
            throw new UnverifiedRecordException(e.getMessage());
        }
        return decryptReleased(released, submission, innerCiphertext, shareHolder);
    }

    private static void requireReleasedSubmission(
            RecordReleased released, RecordSubmitted submission, byte[] innerCiphertext) {
        if (!released.recordId().equals(submission.recordId())
                || released.domain() != submission.domain()
                || !MessageDigest.isEqual(innerCiphertext, submission.innerCiphertext())) {
            throw new UnverifiedRecordException(UnverifiedRecordException.NOT_THIS_RECORD);
        }
    }

    private byte[] decryptReleased(
            RecordReleased released, RecordSubmitted submission, byte[] innerCiphertext, PartyKeyHolder shareHolder) {
        return decrypt(
                released.recordId(),
                released.domain(),
                submission.ownerId(),
                innerCiphertext,
                released.share(),
                shareHolder);
    }

    /**
     * C1 out of a release sealed to {@code requester} (RecordReleased v2). Checks only that the seal opens for this
     * requester, request and record; the caller checks that the request id is one it made.
     *
     * @throws RecordCryptoException if the release names another requester or does not open with its key
     */
    public byte[] openReleased(RecordReleased released, PartyKeyHolder requester) {
        return ReleasedCiphertext.open(released, requester);
    }

    /**
     * Decrypts C1 with the reader's key share and checks that K1 recomputed from the plaintext matches. Does not verify
     * provenance: present the result as the record only after {@link #verifyProvenance}, or use {@link #open}.
     *
     * @return the plaintext, owned by the caller
     * @throws RecordCryptoException if the envelope is malformed, the share does not open with this reader's key, the
     *     ciphertext or its record identity was changed, or the content check fails
     */
    public byte[] decrypt(
            String recordId,
            Domain domain,
            String ownerId,
            byte[] innerCiphertext,
            KeyShare share,
            PartyKeyHolder reader) {
        RecordIdentity identity = new RecordIdentity(recordId, domain, ownerId);
        InnerEnvelope envelope = InnerEnvelope.parse(innerCiphertext);
        if (!share.readerId().equals(reader.partyId())) {
            throw new RecordCryptoException(RecordCryptoException.SHARE_FOR_OTHER_READER);
        }
        byte[] payload = KeyShares.unwrap(share.share(), identity, reader);
        byte[] key = Arrays.copyOf(payload, InnerLayer.KEY_BYTES);
        try {
            if (KeyShares.versionOfPayload(payload.length) != envelope.version()) {
                throw new RecordCryptoException(RecordCryptoException.SHARE_VERSION_MISMATCH);
            }
            byte[] salt = envelope.version() == InnerEnvelope.V1
                    ? envelope.salt()
                    : Arrays.copyOfRange(payload, InnerLayer.KEY_BYTES, payload.length);
            byte[] plaintext = InnerLayer.open(key, envelope, identity);
            boolean matches = InnerLayer.contentMatches(key, plaintext, salt, identity);
            Arrays.fill(salt, (byte) 0);
            if (!matches) {
                Arrays.fill(plaintext, (byte) 0);
                throw new RecordCryptoException(RecordCryptoException.CONTENT_CHECK_FAILED);
            }
            return plaintext;
        } finally {
            Arrays.fill(key, (byte) 0);
            Arrays.fill(payload, (byte) 0);
        }
    }

    /** Whether a share opens with this reader's key: how a client finds its own share among a record's shares. */
    public boolean opens(String recordId, Domain domain, String ownerId, byte[] share, PartyKeyHolder reader) {
        try {
            byte[] key = KeyShares.unwrap(share, new RecordIdentity(recordId, domain, ownerId), reader);
            Arrays.fill(key, (byte) 0);
            return true;
        } catch (RecordCryptoException e) {
            return false;
        }
    }

    /**
     * Verifies that the author signed this record identity (and, from envelope v2, the author id), C1 and exactly these
     * shares in this order; the form is the one C1's envelope version names ({@link ProvenanceBytes}).
     *
     * @param authorPublicKey the author's key from the party directory (uncompressed SEC1, 65 bytes)
     * @throws RecordCryptoException if the signature does not verify
     * @throws IllegalArgumentException if the author's public key is not a P-256 point
     */
    public void verifyProvenance(
            String recordId,
            Domain domain,
            String ownerId,
            String authorId,
            byte[] innerCiphertext,
            List<KeyShare> shares,
            byte[] authorSignature,
            byte[] authorPublicKey) {
        new RecordIdentity(recordId, domain, ownerId);
        InnerEnvelope.parse(Objects.requireNonNull(innerCiphertext, "innerCiphertext"));
        byte[] signed = ProvenanceBytes.of(recordId, domain, ownerId, authorId, innerCiphertext, List.copyOf(shares));
        if (!Provenance.verify(P256.requirePublicKey(authorPublicKey), signed, authorSignature)) {
            throw new RecordCryptoException(RecordCryptoException.PROVENANCE_INVALID);
        }
    }

    /** Verifies the provenance of a submitted record; see the long form. */
    public void verifyProvenance(RecordSubmitted record, byte[] authorPublicKey) {
        verifyProvenance(
                record.recordId(),
                record.domain(),
                record.ownerId(),
                record.authorId(),
                record.innerCiphertext(),
                record.shares(),
                record.authorSignature(),
                authorPublicKey);
    }

    /**
     * Verifies a submitted record's provenance against its author's key history ({@link ProvenanceKeyRule}).
     *
     * @param author the party directory's entry for {@code record.authorId()}; null if none
     * @param sealedAt when the vault sealed the record, by a source the caller trusts; asked for only if needed
     * @throws RecordCryptoException with the rule's reason if the signature does not stand for the author
     */
    public void verifyProvenance(RecordSubmitted record, DirectoryEntry author, Supplier<Optional<Instant>> sealedAt) {
        byte[] signed = ProvenanceBytes.of(
                record.recordId(),
                record.domain(),
                record.ownerId(),
                record.authorId(),
                record.innerCiphertext(),
                record.shares());
        Optional<String> refusal =
                ProvenanceKeyRule.refusal(record.authorId(), author, signed, record.authorSignature(), sealedAt);
        if (refusal.isPresent()) {
            throw new RecordCryptoException(refusal.get());
        }
    }

    /** Verifies the provenance of an encrypted record; see the long form. */
    public void verifyProvenance(EncryptedRecord record, byte[] authorPublicKey) {
        verifyProvenance(
                record.recordId(),
                record.domain(),
                record.ownerId(),
                record.authorId(),
                record.innerCiphertext(),
                record.shares(),
                record.authorSignature(),
                authorPublicKey);
    }
}
