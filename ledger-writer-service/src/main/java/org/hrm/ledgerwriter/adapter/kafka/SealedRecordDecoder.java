package org.hrm.ledgerwriter.adapter.kafka;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.ledgerwriter.application.SealedRecord;
import org.hrm.ledgerwriter.domain.LedgerRecord;
import org.hrm.ledgerwriter.domain.RecordIds;
import org.springframework.stereotype.Component;

/**
 * Decodes each consumed record on its own, so one bad record never fails the batch; a record not signed by the vault,
 * or with a share not shaped like one, is dead-lettered and never written.
 */
@Component
class SealedRecordDecoder {
    private static final String TYPE = EventCodec.typeName(RecordSealed.class);

    private final EventReader reader;
    private final WriteAuthority authority;

    SealedRecordDecoder(EventCodec codec, WriteAuthority authority) {
        this.reader = new EventReader(codec);
        this.authority = authority;
    }

    Intake<SealedRecord> decode(List<ConsumerRecord<String, byte[]>> records) {
        Intake<SealedRecord> intake = new Intake<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                SealedRecord sealed = decode(record);
                intake.accept(record, sealed, sealed.domain(), sealed.record().recordId());
            } catch (InvalidEventException e) {
                intake.reject(record, e.getMessage());
            } catch (IllegalArgumentException e) {
                intake.reject(record, "invalid " + TYPE + ": " + e.getMessage());
            }
        }
        return intake;
    }

    private SealedRecord decode(ConsumerRecord<String, byte[]> record) {
        RecordSealed sealed = reader.read(record, Topic.RECORD_SEALED, RecordSealed.class, RecordSealed::domain);
        if (!sealed.recordId().equals(RecordIds.canonical(sealed.recordId()))) {
            // Receipts give ids back in lower case: an upper-case id would never match its log and retry forever.
            throw new InvalidEventException("invalid " + TYPE + ": recordId must be a lower-case UUID");
        }
        authority.sealedRefusal(sealed).ifPresent(reason -> {
            throw new InvalidEventException(reason);
        });
        byte[] payload = LedgerPayload.of(sealed).encode();
        return new SealedRecord(sealed.domain(), new LedgerRecord(sealed.recordId(), sealed.ownerPseudonym(), payload));
    }
}
