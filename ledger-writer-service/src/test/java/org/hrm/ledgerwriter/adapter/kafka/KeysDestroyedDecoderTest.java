package org.hrm.ledgerwriter.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.crypto.P256KeyPair;
import org.hrm.ledgerwriter.application.ErasureRequest;
import org.hrm.ledgerwriter.domain.RecordTombstone;
import org.hrm.ledgerwriter.support.Erasures;
import org.hrm.ledgerwriter.support.TestAuthority;
import org.junit.jupiter.api.Test;

class KeysDestroyedDecoderTest {
    private final EventCodec codec = new EventCodec(8 * 1024);
    private final KeysDestroyedDecoder decoder =
            new KeysDestroyedDecoder(codec, TestAuthority.inMemory().authority());

    @Test
    void turnsEachErasedRecordIntoATombstoneWithItsPseudonym() {
        KeysDestroyed destroyed = Erasures.destroyed(Domain.PRACTITIONER, 3);

        Intake<ErasureRequest> intake =
                decoder.decode(List.of(record(Domain.PRACTITIONER, "KeysDestroyed", destroyed)));

        assertThat(intake.deadLetters(List.of())).isEmpty();
        assertThat(intake.valid()).singleElement().satisfies(request -> {
            assertThat(request.requestId()).isEqualTo(destroyed.requestId());
            assertThat(request.domain()).isEqualTo(Domain.PRACTITIONER);
            assertThat(request.ownerId()).isEqualTo(destroyed.ownerId());
            assertThat(request.destroyedAt()).isEqualTo(destroyed.destroyedAt());
            assertThat(request.recordIds()).containsExactlyElementsOf(Erasures.recordIds(destroyed));
            assertThat(request.tombstones())
                    .extracting(RecordTombstone::ownerPseudonym)
                    .allSatisfy(pseudonym -> assertThat(pseudonym)
                            .isEqualTo(destroyed.records().get(0).ownerPseudonym()));
        });
    }

    @Test
    void acceptsAnOwnerWithNothingToErase() {
        KeysDestroyed nothing = Erasures.destroyed(Domain.PATIENT, 0);

        Intake<ErasureRequest> intake = decoder.decode(List.of(record(Domain.PATIENT, "KeysDestroyed", nothing)));

        assertThat(intake.deadLetters(List.of())).isEmpty();
        assertThat(intake.valid())
                .singleElement()
                .satisfies(request -> assertThat(request.tombstones()).isEmpty());
    }

    @Test
    void rejectsEachBadInputWithItsReasonAndKeepsTheValidOnes() {
        KeysDestroyed destroyed = Erasures.destroyed(Domain.PATIENT, 2);
        String json = new String(codec.encode(destroyed), StandardCharsets.UTF_8);
        String recordId = destroyed.records().get(0).recordId();
        String topic = Topic.KEYS_DESTROYED.name(Domain.PATIENT);

        Intake<ErasureRequest> intake = decoder.decode(List.of(
                raw(topic, "KeysDestroyed", "{not json"),
                record(Domain.PATIENT, "ErasureRequested", destroyed),
                record(Domain.PATIENT, null, destroyed),
                raw(topic, "KeysDestroyed", json.replace("\"ownerId\"", "\"lost\"")),
                raw(topic, "KeysDestroyed", json.replace(recordId, recordId.toUpperCase(Locale.ROOT))),
                raw(
                        topic,
                        "KeysDestroyed",
                        json.replaceFirst("\"ownerPseudonym\":\"[^\"]*\"", "\"ownerPseudonym\":\"AAEC\"")),
                record(Domain.PRACTITIONER, "KeysDestroyed", destroyed),
                record(Domain.PATIENT, "KeysDestroyed", destroyed)));

        assertThat(intake.deadLetters(List.of()))
                .extracting(DeadLetter::reason)
                .satisfiesExactly(
                        reason -> assertThat(reason).startsWith("malformed KeysDestroyed"),
                        reason -> assertThat(reason).isEqualTo("unknown event type ErasureRequested"),
                        reason -> assertThat(reason).isEqualTo("unknown event type (no header)"),
                        reason -> assertThat(reason).contains("missing field ownerId"),
                        reason -> assertThat(reason)
                                .isEqualTo("invalid KeysDestroyed: recordId must be a lower-case UUID"),
                        reason -> assertThat(reason).contains("ownerPseudonym must be 32 bytes"),
                        reason -> assertThat(reason).startsWith("domain mismatch: a patient KeysDestroyed"));
        assertThat(intake.valid()).hasSize(1);
    }

    private ConsumerRecord<String, byte[]> record(Domain topicDomain, String type, KeysDestroyed event) {
        return record(Topic.KEYS_DESTROYED.name(topicDomain), type, codec.encode(event));
    }

    private static ConsumerRecord<String, byte[]> raw(String topic, String type, String json) {
        return record(topic, type, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void deadLettersAKeysDestroyedTheVaultDidNotSignAndAsksForNoTombstone() {
        KeysDestroyed genuine = Erasures.destroyed(Domain.PATIENT, 2);
        KeysDestroyed forged = genuine.signedBy(P256KeyPair.generate());
        KeysDestroyed unsigned = new KeysDestroyed(
                genuine.requestId(),
                genuine.domain(),
                genuine.ownerId(),
                genuine.allRecords(),
                genuine.records(),
                genuine.keys(),
                genuine.destroyedAt(),
                null);

        Intake<ErasureRequest> intake = decoder.decode(List.of(
                record(Domain.PATIENT, "KeysDestroyed", forged), record(Domain.PATIENT, "KeysDestroyed", unsigned)));

        assertThat(intake.valid()).isEmpty();
        assertThat(intake.deadLetters(List.of()))
                .extracting(DeadLetter::reason)
                .containsOnly("KeysDestroyed " + genuine.requestId() + " is not signed by the vault's key")
                .hasSize(2);
    }

    private static ConsumerRecord<String, byte[]> record(String topic, String type, byte[] value) {
        var record = new ConsumerRecord<String, byte[]>(topic, 0, 7L, "owner", value);
        if (type != null) {
            record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
