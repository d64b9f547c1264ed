package org.hrm.sandbox;

import java.time.Duration;
import java.util.List;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.TopicReader;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordReleaseDenied;
import org.hrm.contracts.events.RecordReleased;

/** The vault's answer to a request id that a test published a decision for directly. */
final class ReleaseAnswers {
    private ReleaseAnswers() {}

    static RecordFetcher.Answer await(KafkaLogin observer, Domain domain, String requestId, Duration timeout)
            throws InterruptedException {
        EventCodec codec = new EventCodec();
        return TopicReader.await(
                        observer.bootstrapServers(),
                        observer.settings(),
                        List.of(Topic.RECORD_RELEASED.name(domain), Topic.RECORD_RELEASE_DENIED.name(domain)),
                        message -> {
                            if (message.topic().endsWith("record-released")) {
                                RecordReleased released = codec.decode(message.value(), RecordReleased.class);
                                return released.requestId().equals(requestId)
                                        ? new RecordFetcher.Answer(released, null)
                                        : null;
                            }
                            RecordReleaseDenied denied = codec.decode(message.value(), RecordReleaseDenied.class);
                            return denied.requestId().equals(requestId) ? new RecordFetcher.Answer(null, denied) : null;
                        },
                        timeout)
                .orElseThrow(() -> new AssertionError("no answer to request " + requestId + " within " + timeout));
    }

    /** Waits for a denial of the request id (a replay is answered by a denial after the first release). */
    static RecordReleaseDenied awaitDenial(KafkaLogin observer, Domain domain, String requestId, Duration timeout)
            throws InterruptedException {
        EventCodec codec = new EventCodec();
        return TopicReader.await(
                        observer.bootstrapServers(),
                        observer.settings(),
                        List.of(Topic.RECORD_RELEASE_DENIED.name(domain)),
                        message -> {
                            RecordReleaseDenied denied = codec.decode(message.value(), RecordReleaseDenied.class);
                            return denied.requestId().equals(requestId) ? denied : null;
                        },
                        timeout)
                .orElseThrow(() -> new AssertionError("no denial of request " + requestId + " within " + timeout));
    }
}
