package org.hrm.sandbox;

import java.time.Duration;
import java.util.List;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.TopicReader;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AuditEvent;

/** What a patient sees of who read their records: the audit topic consent-service writes. */
final class AuditTrail {
    private AuditTrail() {}

    /** Waits up to {@code timeout} for an emergency (break-the-glass) read of the record audited for its patient. */
    static boolean emergencyReadAudited(KafkaLogin observer, String patientId, String recordId, Duration timeout)
            throws InterruptedException {
        EventCodec codec = new EventCodec();
        return TopicReader.await(
                        observer.bootstrapServers(),
                        observer.settings(),
                        List.of(Topic.AUDIT.topicName()),
                        message -> {
                            AuditEvent event = codec.decode(message.value(), AuditEvent.class);
                            boolean match = event.emergency()
                                    && patientId.equals(event.patientId())
                                    && event.entity().stream().anyMatch(entity -> recordId.equals(entity.what()));
                            return match ? event : null;
                        },
                        timeout)
                .isPresent();
    }
}
