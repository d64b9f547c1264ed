package org.hrm.ledgerwriter.adapter.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.ledgerwriter.application.ErasureRequest;
import org.hrm.ledgerwriter.domain.RecordTombstone;
import org.springframework.stereotype.Component;

/**
 * Decodes each KeysDestroyed on its own into the tombstones it asks for, so one bad event never fails the batch; one
 * not signed by the vault is dead-lettered and no tombstone is written.
 */
@Component
class KeysDestroyedDecoder {
    private static final String TYPE = EventCodec.typeName(KeysDestroyed.class);

    private final EventReader reader;
    private final WriteAuthority authority;

    KeysDestroyedDecoder(EventCodec codec, WriteAuthority authority) {
        this.reader = new EventReader(codec);
        this.authority = authority;
    }

    Intake<ErasureRequest> decode(List<ConsumerRecord<String, byte[]>> records) {
        Intake<ErasureRequest> intake = new Intake<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                ErasureRequest request = decode(record);
                intake.accept(record, request, request.domain(), request.requestId());
            } catch (InvalidEventException e) {
                intake.reject(record, e.getMessage());
            } catch (IllegalArgumentException e) {
                intake.reject(record, "invalid " + TYPE + ": " + e.getMessage());
            }
        }
        return intake;
    }

    private ErasureRequest decode(ConsumerRecord<String, byte[]> record) {
        KeysDestroyed destroyed = reader.read(record, Topic.KEYS_DESTROYED, KeysDestroyed.class, KeysDestroyed::domain);
        List<RecordTombstone> tombstones = destroyed.records().stream()
                .map(erased -> new RecordTombstone(erased.recordId(), erased.ownerPseudonym()))
                .toList();
        ErasureRequest request = new ErasureRequest(
                destroyed.requestId(), destroyed.domain(), destroyed.ownerId(), tombstones, destroyed.destroyedAt());
        authority.destroyedRefusal(destroyed).ifPresent(reason -> {
            throw new InvalidEventException(reason);
        });
        return request;
    }
}
