package org.hrm.edge.adapter.sdk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hrm.client.kafka.RecordFetcher;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.kafka.SubmittedRecords;
import org.hrm.client.kafka.TopicReader;
import org.hrm.client.sdk.PartyKeyHolder;
import org.hrm.client.sdk.RecordDecryptor;
import org.hrm.client.sdk.UnverifiedRecordException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.edge.domain.RecordStatus;
import org.hrm.edge.domain.RecordTracker;
import org.hrm.edge.domain.RecordUnreadableException;
import org.hrm.edge.domain.SubmittedRecord;

/**
 * Follows records on the platform's topics as any client can: committed once the ledger writer's record-committed
 * names the record, sealed once the vault's record-sealed does, submitted before. Reads back through the SDK's fetch
 * path as the hospital (an access request signed with its key), and shows a release only if its provenance verifies
 * against the author's registered key, as {@code ./hrm fetch} does.
 */
public final class PlatformRecordTracker implements RecordTracker {
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

    private final PartyKeyHolder hospital;
    private final RecordPublisher publisher;
    private final DirectoryView directory;
    private final String bootstrapServers;

    PlatformRecordTracker(
            PartyKeyHolder hospital, RecordPublisher publisher, DirectoryView directory, String bootstrapServers) {
        this.hospital = hospital;
        this.publisher = publisher;
        this.directory = directory;
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public RecordStatus statusOf(SubmittedRecord record) {
        if (named(record, Topic.RECORD_COMMITTED)) {
            return RecordStatus.COMMITTED;
        }
        return named(record, Topic.RECORD_SEALED) ? RecordStatus.SEALED : RecordStatus.SUBMITTED;
    }

    private boolean named(SubmittedRecord record, Topic topic) {
        AtomicBoolean found = new AtomicBoolean();
        TopicReader.readAll(bootstrapServers, List.of(topic.name(record.owner().domain())), message -> {
            if (record.recordId().equals(message.key()) && message.value() != null) {
                found.set(true);
            }
        });
        return found.get();
    }

    @Override
    public byte[] read(SubmittedRecord record) {
        RecordFetcher.Answer answer = new RecordFetcher(bootstrapServers, publisher)
                .fetch(record.recordId(), record.owner().domain(), hospital, "TREAT", null, FETCH_TIMEOUT);
        if (!answer.allowed()) {
            throw new RecordUnreadableException(
                    "the platform denied the hospital: " + answer.denied().reason());
        }
        RecordReleased released = answer.released();
        RecordDecryptor decryptor = new RecordDecryptor();
        try {
            byte[] innerCiphertext = decryptor.openReleased(released, hospital);
            RecordSubmitted submission = SubmittedRecords.withCiphertext(
                            bootstrapServers, released.domain(), released.recordId(), innerCiphertext)
                    .orElseThrow(() -> new UnverifiedRecordException(
                            "the record's submission is no longer on the record-submitted topic"));
            byte[] authorKey = directory
                    .find(submission.authorId())
                    .map(DirectoryEntry::publicKey)
                    .orElse(null);
            return decryptor.open(released, submission, hospital, hospital, authorKey);
        } catch (UnverifiedRecordException e) {
            throw new RecordUnreadableException("provenance not verified: " + e.getMessage(), e);
        }
    }
}
