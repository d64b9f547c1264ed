package org.hrm.ledgerwriter.adapter.kafka;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;

/** Consent events as the consent listener receives them: on a domain's topic, typed by header, each at its offset. */
final class ConsentRecords {
    private final EventCodec codec;
    private final AtomicLong offsets = new AtomicLong();

    ConsentRecords(EventCodec codec) {
        this.codec = codec;
    }

    ConsumerRecord<String, byte[]> granted(Domain topicDomain, String type, ConsentGranted event) {
        return record(Topic.CONSENT_GRANTED.name(topicDomain), type, codec.encode(event));
    }

    ConsumerRecord<String, byte[]> granted(ConsentGranted event) {
        return granted(event.domain(), "ConsentGranted", event);
    }

    ConsumerRecord<String, byte[]> revoked(Domain topicDomain, String type, ConsentRevoked event) {
        return record(Topic.CONSENT_REVOKED.name(topicDomain), type, codec.encode(event));
    }

    ConsumerRecord<String, byte[]> revoked(ConsentRevoked event) {
        return revoked(event.domain(), "ConsentRevoked", event);
    }

    ConsumerRecord<String, byte[]> raw(String topic, String type, String json) {
        return record(topic, type, json.getBytes(StandardCharsets.UTF_8));
    }

    private ConsumerRecord<String, byte[]> record(String topic, String type, byte[] value) {
        var record = new ConsumerRecord<String, byte[]>(topic, 0, offsets.incrementAndGet(), "owner", value);
        if (type != null) {
            record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
