package org.hrm.cli;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.hrm.client.kafka.TopicReader;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.crypto.Ecdsa;

/**
 * When the vault sealed a record, in the vault's own signed words: the {@code RecordSealed} of the record id on the
 * domain's record-sealed topic that carries the given author signature and verifies under the vault's published key.
 * Read as the sandbox's observer: a hospital's principal may not read record-sealed, and the gateway does not serve it
 * yet.
 * A reader needs it only to judge a signature made with a key its author later reported lost
 * ({@link org.hrm.contracts.authority.ProvenanceKeyRule}); a seal the vault did not sign is never taken.
 */
final class SealedRecords {
    private static final EventCodec CODEC = new EventCodec();

    private SealedRecords() {}

    /** The earliest vault-signed sealing time of {@code recordId} with {@code authorSignature}, if the topic holds one. */
    static Optional<Instant> sealedAt(
            KafkaLogin observer, Domain domain, String recordId, byte[] authorSignature, byte[] vaultPublicKey) {
        AtomicReference<Instant> earliest = new AtomicReference<>();
        TopicReader.readAll(
                observer.bootstrapServers(), observer.settings(), List.of(Topic.RECORD_SEALED.name(domain)), record -> {
                    if (!recordId.equals(record.key()) || record.value() == null) {
                        return;
                    }
                    try {
                        RecordSealed sealed = CODEC.decode(record.value(), RecordSealed.class);
                        if (sealed.recordId().equals(recordId)
                                && MessageDigest.isEqual(sealed.authorSignature(), authorSignature)
                                && Ecdsa.verify(vaultPublicKey, sealed.signedBytes(), sealed.vaultSignature())) {
                            earliest.accumulateAndGet(sealed.sealedAt(), (a, b) -> a == null || b.isBefore(a) ? b : a);
                        }
                    } catch (InvalidEventException e) {
                        // Not the vault's word: skipped.
                    }
                });
        return Optional.ofNullable(earliest.get());
    }
}
