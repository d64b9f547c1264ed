package org.hrm.edge.adapter.sdk;

import java.time.Duration;
import java.util.Optional;
import org.hrm.client.sdk.PartyKeyHolder;
import org.hrm.client.sdk.RecordDecryptor;
import org.hrm.client.sdk.RecordStages;
import org.hrm.client.sdk.ReleaseAnswer;
import org.hrm.client.sdk.ReleaseRequests;
import org.hrm.client.sdk.UnverifiedRecordException;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.edge.domain.RecordStatus;
import org.hrm.edge.domain.RecordTracker;
import org.hrm.edge.domain.RecordUnreadableException;
import org.hrm.edge.domain.SubmittedRecord;

/**
 * Follows records through the gateway, which tells a record's stage to its author: submitted until the vault sealed
 * it, sealed, committed once the ledger writer did, erased. Reads back through the gateway's fetch as the hospital
 * (the gateway asks for the release as its caller), and shows a release only if its provenance verifies against the
 * author's keys in the party directory the edge verified, as {@code ./hrm fetch} does. A record signed with a key its
 * author later reported lost is refused: the edge has no vault-signed sealing time to judge it by.
 */
public final class PlatformRecordTracker implements RecordTracker {
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(30);

    private final PartyKeyHolder hospital;
    private final DirectoryView directory;
    private final RecordStages stages;
    private final ReleaseRequests releases;

    PlatformRecordTracker(
            PartyKeyHolder hospital, DirectoryView directory, RecordStages stages, ReleaseRequests releases) {
        this.hospital = hospital;
        this.directory = directory;
        this.stages = stages;
        this.releases = releases;
    }

    @Override
    public RecordStatus statusOf(SubmittedRecord record) {
        return switch (stages.stageOf(record.recordId())) {
            case SUBMITTED -> RecordStatus.SUBMITTED;
            case SEALED -> RecordStatus.SEALED;
            case COMMITTED -> RecordStatus.COMMITTED;
            case ERASED -> RecordStatus.ERASED;
        };
    }

    @Override
    public byte[] read(SubmittedRecord record) {
        ReleaseAnswer answer = releases.fetch(record.recordId(), "TREAT", null, FETCH_TIMEOUT);
        if (!answer.allowed()) {
            throw new RecordUnreadableException("the platform denied the hospital: " + answer.deniedReason());
        }
        RecordReleased released = answer.released();
        RecordDecryptor decryptor = new RecordDecryptor();
        try {
            byte[] innerCiphertext = decryptor.openReleased(released, hospital);
            RecordSubmitted submission = answer.submissionOf(innerCiphertext)
                    .orElseThrow(() -> new UnverifiedRecordException(
                            "the platform gave no provenance with the release: unverifiable"));
            return decryptor.open(
                    released,
                    submission,
                    hospital,
                    hospital,
                    directory.find(submission.authorId()).orElse(null),
                    Optional::empty);
        } catch (UnverifiedRecordException e) {
            throw new RecordUnreadableException("provenance not verified: " + e.getMessage(), e);
        }
    }
}
