package org.hrm.keyvault;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordSubmitted;

/** Hand-built RecordSubmitted events (any bytes as C1, shares and signature) and their JSON. */
public final class TestEvents {
    public static final String SUBMITTED_TYPE = "RecordSubmitted";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final EventCodec CODEC = new EventCodec();

    private TestEvents() {}

    public static RecordSubmitted submitted(Domain domain, String ownerId) {
        return submitted(UUID.randomUUID().toString(), domain, ownerId, innerCiphertext(512));
    }

    public static RecordSubmitted submitted(String recordId, Domain domain, String ownerId, byte[] c1) {
        String authorId = "author-" + UUID.randomUUID();
        return signed(new RecordSubmitted(
                recordId,
                domain,
                ownerId,
                authorId,
                c1,
                List.of(new KeyShare(ownerId, keyShare()), new KeyShare(authorId, keyShare())),
                randomBytes(64),
                Instant.now()));
    }

    public static RecordSubmitted withOtherC1(RecordSubmitted event) {
        return signed(new RecordSubmitted(
                event.recordId(),
                event.domain(),
                event.ownerId(),
                event.authorId(),
                innerCiphertext(event.innerCiphertext().length),
                event.shares(),
                event.authorSignature(),
                event.submittedAt()));
    }

    /** The event with its provenance signed by its author's test key ({@link TestAuthorities#key}). */
    public static RecordSubmitted signed(RecordSubmitted event) {
        return new RecordSubmitted(
                event.recordId(),
                event.domain(),
                event.ownerId(),
                event.authorId(),
                event.innerCiphertext(),
                event.shares(),
                TestAuthorities.key(event.authorId()).sign(event.signedBytes()),
                event.submittedAt(),
                event.category());
    }

    public static byte[] json(Object event) {
        return CODEC.encode(event);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static String owner() {
        return "owner-" + UUID.randomUUID();
    }

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A consumed record as the listener sees it, with the given type header (none when null). */
    /** Random bytes in the shape of a C1 of envelope v2: version byte 0x02, then random bytes. */
    public static byte[] innerCiphertext(int length) {
        byte[] c1 = randomBytes(length);
        c1[0] = 0x02;
        return c1;
    }

    /** Random bytes in the shape of an envelope v2 key share: an uncompressed point's 0x04 prefix, 145 bytes. */
    public static byte[] keyShare() {
        byte[] share = randomBytes(145);
        share[0] = 0x04;
        return share;
    }

    public static ConsumerRecord<String, byte[]> consumed(String topic, String type, String key, byte[] value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 42L, key, value);
        if (type != null) {
            record.headers().add(EventHeaders.EVENT_TYPE, utf8(type));
        }
        return record;
    }
}
