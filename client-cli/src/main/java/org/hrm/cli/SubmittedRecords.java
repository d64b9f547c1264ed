package org.hrm.cli;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hrm.client.kafka.TopicReader;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;

/**
 * A record's submission as the provenance a reader verifies, read as the sandbox's observer (a hospital's principal may
 * not read record-submitted); public for the sandbox's {@code RecordFetcher}. First the release's own ({@link
 * RecordReleased#submission}: what the vault kept when it sealed the record, handed out with every release); for a
 * record sealed before the vault kept it, the domain's record-submitted topic, which keeps a submission only about an
 * hour: the first submission of the record id whose C1 is exactly the C1 the vault released. A submission with another
 * C1 (a re-owned or re-authored copy someone posted later) is never taken. Neither source is trusted: the reader
 * verifies the one taken against its author's keys ({@link
 * org.hrm.contracts.authority.ProvenanceKeyRule}), and the signature covers SHA-256 of C1, so provenance of
 * another record fails.
 */
public final class SubmittedRecords {
    private static final EventCodec CODEC = new EventCodec();

    private SubmittedRecords() {}

    /**
     * The provenance to verify a release against: the release's own if it carries one, else the topic's submission of
     * exactly {@code innerCiphertext} (the C1 the requester opened from the release), if the topic still holds it.
     */
    public static Optional<RecordSubmitted> forRelease(
            KafkaLogin observer, RecordReleased released, byte[] innerCiphertext) {
        Optional<RecordSubmitted> carried = released.submission(innerCiphertext);
        if (carried.isPresent()) {
            return carried;
        }
        return withCiphertext(observer, released.domain(), released.recordId(), innerCiphertext);
    }

    /** The submission of {@code recordId} carrying exactly {@code innerCiphertext}, if the topic still holds it. */
    public static Optional<RecordSubmitted> withCiphertext(
            KafkaLogin observer, Domain domain, String recordId, byte[] innerCiphertext) {
        List<RecordSubmitted> found = new ArrayList<>(1);
        TopicReader.readAll(
                observer.bootstrapServers(),
                observer.settings(),
                List.of(Topic.RECORD_SUBMITTED.name(domain)),
                record -> {
                    if (!found.isEmpty() || !recordId.equals(record.key()) || record.value() == null) {
                        return;
                    }
                    try {
                        RecordSubmitted submitted = CODEC.decode(record.value(), RecordSubmitted.class);
                        if (submitted.recordId().equals(recordId)
                                && MessageDigest.isEqual(submitted.innerCiphertext(), innerCiphertext)) {
                            found.add(submitted);
                        }
                    } catch (InvalidEventException e) {
                        // Malformed submissions are the vault's to dead-letter; a reader just skips them.
                    }
                });
        return found.stream().findFirst();
    }
}
