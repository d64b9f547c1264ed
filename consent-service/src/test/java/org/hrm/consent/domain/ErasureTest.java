package org.hrm.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.consent.domain.Fixtures.NOW;
import static org.hrm.consent.domain.Fixtures.category;
import static org.hrm.consent.domain.Fixtures.erasure;
import static org.hrm.consent.domain.Fixtures.grant;
import static org.hrm.consent.domain.Fixtures.id;
import static org.hrm.consent.domain.Fixtures.party;
import static org.hrm.consent.domain.Fixtures.record;
import static org.hrm.consent.domain.Fixtures.records;
import static org.hrm.consent.domain.RecordDomain.PATIENT;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.consent.TestKeys;
import org.junit.jupiter.api.Test;

class ErasureTest {
    private final String lab = id();
    private final String imaging = id();

    @Test
    void endsAGrantWhoseListedRecordsAreAllErased() {
        Grant grant = grant(PATIENT, "alice", "bob", records(lab, imaging));

        assertThat(Erasure.ends(grant, Set.of(lab, imaging, id()))).isTrue();
    }

    @Test
    void keepsAGrantThatListsARecordNotErased() {
        Grant grant = grant(PATIENT, "alice", "bob", records(lab, imaging));

        assertThat(Erasure.ends(grant, Set.of(lab))).isFalse();
    }

    @Test
    void keepsCategoryGrantsForTheOwnersFutureRecords() {
        assertThat(Erasure.ends(grant(PATIENT, "alice", "bob", category("lab")), Set.of(lab)))
                .isFalse();
        assertThat(Erasure.ends(grant(PATIENT, "alice", "bob", category("*")), Set.of(lab)))
                .isFalse();
    }

    @Test
    void leavesARevokedGrantRevokedAndAnEndedGrantAsItEnded() {
        Grant revoked = grant(PATIENT, "alice", "bob", records(lab)).revokedAt(NOW);
        Grant ended = grant(PATIENT, "alice", "bob", records(lab)).endedAt(NOW, Erasure.GRANT_END_REASON);

        assertThat(Erasure.ends(revoked, Set.of(lab))).isFalse();
        assertThat(Erasure.ends(ended, Set.of(lab))).isFalse();
    }

    @Test
    void anEndedGrantNoLongerStandsAndKeepsWhyItEnded() {
        Party bob = party("bob", PartyKind.PRACTITIONER, TestKeys.generate());
        Grant ended = grant(PATIENT, "alice", "bob", records(lab)).endedAt(NOW, "records erased");

        StandingGrantList standing = StandingGrantList.of("alice", PATIENT, List.of(ended), Map.of("bob", bob), NOW);

        assertThat(ended.status(NOW)).isEqualTo(GrantStatus.ENDED);
        assertThat(ended.endReason()).isEqualTo("records erased");
        assertThat(ended.revokedAt(NOW).status(NOW)).isEqualTo(GrantStatus.REVOKED);
        assertThat(standing.grantees()).isEmpty();
    }

    @Test
    void entersARecordNotIndexedYetErasedWithOnlyItsOwnerKnown() {
        Erasure erasure = erasure(PATIENT, "alice", false, lab);

        RecordEntry entry = erasure.entryBeforeIndexed(lab);

        assertThat(entry.erased()).isTrue();
        assertThat(entry.erasedBeforeIndexed()).isTrue();
        assertThat(entry.ownerId()).isEqualTo("alice");
        assertThat(entry.erasure().requestId()).isEqualTo(erasure.requestId());
        assertThat(entry.erasure().erasedAt()).isEqualTo(erasure.destroyedAt());
    }

    @Test
    void takesTheLateSubmissionOfARecordErasedBeforeItWasIndexedAsNoConflict() {
        RecordEntry submitted = record(PATIENT, "alice", "st-mary", "lab");
        Erasure erasure = erasure(PATIENT, "alice", false, submitted.recordId());
        RecordEntry entry = erasure.entryBeforeIndexed(submitted.recordId());
        RecordEntry someoneElses = new RecordEntry(submitted.recordId(), PATIENT, "mallory", "st-mary", "lab");

        assertThat(entry.conflictWith(submitted)).isEmpty();
        assertThat(entry.conflictWith(someoneElses)).isPresent();
    }

    @Test
    void listsEachErasedRecordOnce() {
        Erasure erasure = new Erasure(id(), PATIENT, "alice", true, List.of(lab, imaging, lab), NOW);

        assertThat(erasure.recordIds()).containsExactly(lab, imaging);
    }
}
