package org.hrm.keyvault.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ErasureRuleTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void plansOneRecordAsExactlyItsK2() {
        WrappedRecordKey stored = recordKey("r-1", "owner-1", "kek-1");

        ErasurePlan plan = ErasureRule.planOne(one("owner-1", "r-1"), stored, null, null, NOW);

        assertThat(plan.refused()).isFalse();
        assertThat(plan.erasure().recordIds()).containsExactly("r-1");
        assertThat(plan.erasure().keys()).containsExactly(new ErasedKey("K2", "r-1", "r-1", 0));
        assertThat(plan.erasure().kek()).isEmpty();
        assertThat(plan.erasure().state()).isEqualTo(Erasure.State.PLANNED);
        assertThat(plan.erasure().allRecords()).isFalse();
    }

    @Test
    void plansOneRecordAsItsK2AndTheOwnersKekWhichTheReKeyReplaces() {
        WrappedRecordKey stored = recordKey("r-1", "owner-1", "kek-1");
        WrappedOwnerKey kek = new WrappedOwnerKey("owner-1", "kek-1", new byte[60], 3, NOW);

        ErasurePlan plan = ErasureRule.planOne(one("owner-1", "r-1"), stored, null, kek, NOW);

        assertThat(plan.erasure().keys())
                .containsExactly(new ErasedKey("KEK", "kek-1", null, 3), new ErasedKey("K2", "r-1", "r-1", 0));
        assertThat(plan.erasure().kek()).contains(new ErasedKey("KEK", "kek-1", null, 3));
        assertThat(plan.erasure().k2RecordIds()).containsExactly("r-1");
        assertThat(plan.erasure().allRecords()).isFalse();
    }

    @Test
    void refusesToPlanAnotherOwnersRecord() {
        WrappedRecordKey stored = recordKey("r-1", "owner-2", "kek-2");

        ErasurePlan plan = ErasureRule.planOne(one("owner-1", "r-1"), stored, null, null, NOW);

        assertThat(plan.refusal()).isEqualTo("record r-1 is not owned by owner-1");
    }

    @Test
    void refusesARecordTheVaultNeverSealed() {
        ErasurePlan plan = ErasureRule.planOne(one("owner-1", "r-9"), null, null, null, NOW);

        assertThat(plan.refusal()).isEqualTo("no record r-9 in domain patient");
    }

    @Test
    void answersARecordAlreadyErasedForTheOwnerWithNothingLeftToDestroy() {
        ErasurePlan plan = ErasureRule.planOne(one("owner-1", "r-1"), null, "owner-1", null, NOW);

        assertThat(plan.erasure().recordIds()).containsExactly("r-1");
        assertThat(plan.erasure().keys()).isEmpty();
        assertThat(ErasureRule.planOne(one("owner-2", "r-1"), null, "owner-1", null, NOW)
                        .refused())
                .isTrue();
    }

    @Test
    void plansAllRecordsAsTheOwnersKekAndEveryK2OfTheirs() {
        WrappedOwnerKey kek = new WrappedOwnerKey("owner-1", "kek-1", new byte[60], 3, NOW);
        List<WrappedRecordKey> keys =
                List.of(recordKey("r-2", "owner-1", "kek-1"), recordKey("r-1", "owner-1", "kek-1"));

        ErasurePlan plan = ErasureRule.planAll(all("owner-1"), kek, keys, NOW);

        assertThat(plan.erasure().allRecords()).isTrue();
        assertThat(plan.erasure().recordIds()).containsExactly("r-1", "r-2");
        assertThat(plan.erasure().keys())
                .containsExactly(
                        new ErasedKey("KEK", "kek-1", null, 3),
                        new ErasedKey("K2", "r-1", "r-1", 0),
                        new ErasedKey("K2", "r-2", "r-2", 0));
        assertThat(plan.erasure().k2RecordIds()).containsExactly("r-1", "r-2");
    }

    @Test
    void plansAllRecordsOfAnOwnerWithoutKeysAsNothingToDestroy() {
        ErasurePlan plan = ErasureRule.planAll(all("owner-new"), null, List.of(), NOW);

        assertThat(plan.erasure().recordIds()).isEmpty();
        assertThat(plan.erasure().keys()).isEmpty();
    }

    @Test
    void recognisesTheSameRequestAgainButNotAnotherUnderItsId() {
        Erasure erasure = ErasureRule.planOne(one("owner-1", "r-1"), recordKey("r-1", "owner-1", "k"), null, null, NOW)
                .erasure();

        assertThat(erasure.answers(one("owner-1", "r-1"))).isTrue();
        assertThat(erasure.answers(one("owner-2", "r-1"))).isFalse();
        assertThat(erasure.answers(all("owner-1"))).isFalse();
    }

    @Test
    void receiptsOnlyDestroyedErasuresOfTheSameOwnerWithTheirOwnTombstones() {
        Erasure planned = ErasureRule.planOne(one("owner-1", "r-1"), recordKey("r-1", "owner-1", "k"), null, null, NOW)
                .erasure();
        Erasure destroyed = new Erasure(
                planned.requestId(),
                planned.domain(),
                planned.ownerId(),
                "r-1",
                planned.recordIds(),
                planned.keys(),
                Erasure.State.DESTROYED,
                NOW,
                NOW,
                null);
        LedgerTombstone r1 = new LedgerTombstone("r-1", "0xabc", 7, 0);

        assertThat(ErasureRule.receiptRefusal(planned, commit("owner-1", r1))).isPresent();
        assertThat(ErasureRule.receiptRefusal(destroyed, commit("owner-2", r1))).isPresent();
        assertThat(ErasureRule.receiptRefusal(destroyed, commit("owner-1", new LedgerTombstone("r-2", "0x1", 1, 0))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("[r-2]"));
        assertThat(ErasureRule.receiptRefusal(destroyed, commit("owner-1", r1))).isEqualTo(Optional.empty());
    }

    private static ErasureRequest one(String ownerId, String recordId) {
        return new ErasureRequest("req-1", RecordDomain.PATIENT, ownerId, recordId, NOW);
    }

    private static ErasureRequest all(String ownerId) {
        return new ErasureRequest("req-2", RecordDomain.PATIENT, ownerId, null, NOW);
    }

    private static ErasureCommit commit(String ownerId, LedgerTombstone tombstone) {
        return new ErasureCommit("req-1", RecordDomain.PATIENT, ownerId, "0xledger", List.of(tombstone), NOW);
    }

    private static WrappedRecordKey recordKey(String recordId, String ownerId, String kekId) {
        return new WrappedRecordKey(recordId, ownerId, kekId, new byte[60], new byte[32], NOW);
    }
}
