package org.hrm.sandbox;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordCryptoException;
import org.hrm.client.sdk.RecordDecryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordReleased;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After an erasure, whether anything left anywhere still opens an erased record with any party's key: the core of
 * the erasure completeness check ({@link ErasureSurvey} gathers what every database, topic, cache and the chain hold).
 *
 * <p>It is given blobs (every byte string found, with where it was found) and releases (RecordReleased events found),
 * and every private key the caller holds. For each erased record it tries each key against every blob shaped like a
 * key share, which yields K1 and the salt for the record's identity, then tries every blob shaped like C1, and the C1
 * inside every release naming the record that opens with one of the keys, against those shares. A location is a copy
 * found if what it holds decrypts to the record and passes the content check. Shares alone are not copies: they stay
 * on chain forever by design, and open nothing without C1.
 */
final class ErasureCompleteness {
    private static final Set<Integer> SHARE_LENGTHS = Set.of(113, 145);
    private static final int MIN_INNER_CIPHERTEXT = 1 + 12 + 16;
    private static final int MIN_BASE64_CHARS = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An erased record, by the identity bound into C1's AAD. */
    record ErasedRecord(String recordId, Domain domain, String ownerId) {}

    /** A byte string and where it was found (database, collection and field; topic, partition and offset; ...). */
    record Blob(String where, byte[] bytes) {}

    /** A release found somewhere, with where. */
    record FoundRelease(String where, RecordReleased release) {}

    /** A place that still opens an erased record. */
    record Copy(String where, String recordId) {}

    /** What the check found. */
    record Result(List<Copy> copies, int blobsExamined, int sharesOpened) {
        boolean recoverable() {
            return !copies.isEmpty();
        }
    }

    private final RecordDecryptor decryptor = new RecordDecryptor();
    private final List<PartyKeys> keys;

    ErasureCompleteness(List<PartyKeys> keys) {
        this.keys = List.copyOf(keys);
    }

    Result examine(List<ErasedRecord> erased, List<Blob> blobs, List<FoundRelease> releases) {
        Set<Copy> copies = new LinkedHashSet<>();
        int sharesOpened = 0;
        for (ErasedRecord record : erased) {
            List<Opener> openers = openers(record, blobs);
            sharesOpened += openers.size();
            if (openers.isEmpty()) {
                continue;
            }
            for (Blob blob : blobs) {
                if (looksLikeInnerCiphertext(blob.bytes()) && opens(record, blob.bytes(), openers)) {
                    copies.add(new Copy(blob.where(), record.recordId()));
                }
            }
            for (FoundRelease found : releases) {
                if (!record.recordId().equals(found.release().recordId())) {
                    continue;
                }
                for (PartyKeys key : keys) {
                    byte[] innerCiphertext = unsealed(found.release(), key);
                    if (innerCiphertext != null && opens(record, innerCiphertext, openers)) {
                        copies.add(new Copy(found.where() + " (sealed to " + key.partyId() + ")", record.recordId()));
                    }
                }
            }
        }
        return new Result(List.copyOf(copies), blobs.size(), sharesOpened);
    }

    /** A share that opens with one of the keys for this record's identity. */
    private record Opener(KeyShare share, PartyKeys reader) {}

    private List<Opener> openers(ErasedRecord record, List<Blob> blobs) {
        Map<String, Opener> found = new LinkedHashMap<>();
        for (Blob blob : blobs) {
            if (!SHARE_LENGTHS.contains(blob.bytes().length)) {
                continue;
            }
            for (PartyKeys key : keys) {
                if (decryptor.opens(record.recordId(), record.domain(), record.ownerId(), blob.bytes(), key)) {
                    found.putIfAbsent(
                            Base64.getEncoder().encodeToString(blob.bytes()),
                            new Opener(new KeyShare(key.partyId(), blob.bytes()), key));
                }
            }
        }
        return List.copyOf(found.values());
    }

    private boolean opens(ErasedRecord record, byte[] innerCiphertext, List<Opener> openers) {
        for (Opener opener : openers) {
            try {
                byte[] plaintext = decryptor.decrypt(
                        record.recordId(),
                        record.domain(),
                        record.ownerId(),
                        innerCiphertext,
                        opener.share(),
                        opener.reader());
                java.util.Arrays.fill(plaintext, (byte) 0);
                return true;
            } catch (RecordCryptoException | IllegalArgumentException e) {
                // not this record's C1, or not under this share's K1
            }
        }
        return false;
    }

    private static byte[] unsealed(RecordReleased release, PartyKeys key) {
        try {
            return new RecordDecryptor().openReleased(release, key);
        } catch (RecordCryptoException | IllegalArgumentException e) {
            return null;
        }
    }

    // Envelope v1 and v2 start with their version byte.
    private static boolean looksLikeInnerCiphertext(byte[] bytes) {
        return bytes.length >= MIN_INNER_CIPHERTEXT && (bytes[0] == 1 || bytes[0] == 2);
    }

    /**
     * Every byte string in {@code bytes}: the bytes themselves and, if they are JSON (every event, every document
     * exported as JSON), every string in it that decodes as base64, and the release it is, if it is one.
     */
    static void collect(String where, byte[] bytes, List<Blob> blobs, List<FoundRelease> releases, EventCodec codec) {
        if (bytes == null || bytes.length == 0) {
            return;
        }
        blobs.add(new Blob(where, bytes));
        if (bytes[0] != '{' && bytes[0] != '[') {
            return;
        }
        try {
            JsonNode tree = JSON.readTree(bytes);
            collectStrings(where, tree, blobs);
        } catch (RuntimeException e) {
            return;
        }
        try {
            releases.add(new FoundRelease(where, codec.decode(bytes, RecordReleased.class)));
        } catch (RuntimeException e) {
            // not a release
        }
    }

    /** Every string value in the tree that decodes as base64, added as a blob. */
    static void collectStrings(String where, JsonNode node, List<Blob> blobs) {
        if (node.isString()) {
            decodeBase64(node.asString()).ifPresent(bytes -> blobs.add(new Blob(where, bytes)));
        }
        for (JsonNode child : node) {
            collectStrings(where, child, blobs);
        }
    }

    static java.util.Optional<byte[]> decodeBase64(String text) {
        if (text.length() < MIN_BASE64_CHARS) {
            return java.util.Optional.empty();
        }
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                return java.util.Optional.of(decoder.decode(text));
            } catch (IllegalArgumentException e) {
                // try the other alphabet
            }
        }
        return java.util.Optional.empty();
    }
}
