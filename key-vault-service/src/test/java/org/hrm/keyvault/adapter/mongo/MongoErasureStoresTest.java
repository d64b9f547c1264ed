package org.hrm.keyvault.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.hrm.keyvault.domain.ErasedKey;
import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.IssuedReceipt;
import org.hrm.keyvault.domain.LedgerTombstone;
import org.hrm.keyvault.domain.ReaderShare;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.SealedProvenance;
import org.hrm.keyvault.domain.WrappedOwnerKey;
import org.hrm.keyvault.domain.WrappedRecordKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The erasure and rotation stores against the MongoDB-wire server the ITs use: single-document steps only. */
class MongoErasureStoresTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final InetSocketAddress address = server.bind();
    private final MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    private final MongoTemplate mongo = new MongoTemplate(client, "keyvault");
    private final MongoErasures erasures = new MongoErasures(mongo);
    private final MongoErasedRecords erased = new MongoErasedRecords(mongo);
    private final MongoErasableKeys erasable = new MongoErasableKeys(mongo);
    private final MongoRecordKeyStore recordKeys = new MongoRecordKeyStore(mongo);
    private final MongoOwnerKeyStore ownerKeys = new MongoOwnerKeyStore(mongo);
    private final MongoOwnerKeyVersions versions = new MongoOwnerKeyVersions(mongo);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void keepsOnePlanPerRequestIdAndMovesItThroughItsStatesOnce() {
        Erasure planned = erasure("req-1", List.of("r-1"));
        erasures.plan(RecordDomain.PATIENT, planned);

        Erasure second = erasures.plan(RecordDomain.PATIENT, erasure("req-1", List.of("r-9")));
        Erasure extended = erasures.extend(RecordDomain.PATIENT, "req-1", List.of("r-2", "r-1"));
        Erasure destroyed = erasures.markDestroyed(RecordDomain.PATIENT, "req-1", NOW);
        Erasure destroyedAgain = erasures.markDestroyed(RecordDomain.PATIENT, "req-1", NOW.plusSeconds(5));
        Erasure notExtended = erasures.extend(RecordDomain.PATIENT, "req-1", List.of("r-3"));
        IssuedReceipt receipt =
                new IssuedReceipt("0xabc", List.of(new LedgerTombstone("r-1", "0x01", 5, 1)), NOW, new byte[64]);
        Erasure receipted = erasures.markReceipted(RecordDomain.PATIENT, "req-1", receipt);

        assertThat(second).isEqualTo(planned);
        assertThat(extended.recordIds()).containsExactly("r-1", "r-2");
        assertThat(extended.keys()).containsExactly(ErasedKey.k2("r-1"), ErasedKey.k2("r-2"));
        assertThat(destroyed.state()).isEqualTo(Erasure.State.DESTROYED);
        assertThat(destroyedAgain.destroyedAt()).isEqualTo(NOW);
        assertThat(notExtended.recordIds()).containsExactly("r-1", "r-2");
        assertThat(receipted.state()).isEqualTo(Erasure.State.RECEIPTED);
        assertThat(receipted.receipt().tombstones()).isEqualTo(receipt.tombstones());
        assertThat(receipted.receipt().signature()).isEqualTo(receipt.signature());
        assertThat(erasures.find(RecordDomain.PRACTITIONER, "req-1")).isEmpty();
    }

    @Test
    void marksErasedRecordsForGoodAndOnlyInTheirDomain() {
        erased.mark(RecordDomain.PATIENT, "owner-1", "req-1", List.of("r-1", "r-2"), NOW);

        erased.mark(RecordDomain.PATIENT, "owner-1", "req-2", List.of("r-2"), NOW);

        assertThat(erased.find(RecordDomain.PATIENT, List.of("r-1", "r-2", "r-3")))
                .containsOnlyKeys("r-1", "r-2");
        assertThat(erased.find(RecordDomain.PRACTITIONER, List.of("r-1"))).isEmpty();
    }

    @Test
    void deletesOnlyTheNamedOwnersKeys() {
        recordKeys.insertNew(RecordDomain.PATIENT, List.of(recordKey("r-1", "owner-1"), recordKey("r-2", "owner-2")));
        ownerKeys.insertNew(RecordDomain.PATIENT, List.of(ownerKey("owner-1", "kek-1", 1)));

        erasable.deleteRecordKeys(RecordDomain.PATIENT, "owner-1", List.of("r-1", "r-2"));
        erasable.deleteOwnerKey(RecordDomain.PATIENT, "owner-1", "kek-other");

        assertThat(recordKeys.findAll(RecordDomain.PATIENT, List.of("r-1", "r-2")))
                .containsOnlyKeys("r-2");
        assertThat(erasable.recordKeysOf(RecordDomain.PATIENT, "owner-2")).hasSize(1);
        assertThat(ownerKeys.findAll(RecordDomain.PATIENT, List.of("owner-1"))).containsKey("owner-1");
        erasable.deleteOwnerKey(RecordDomain.PATIENT, "owner-1", "kek-1");
        assertThat(ownerKeys.findAll(RecordDomain.PATIENT, List.of("owner-1"))).isEmpty();
    }

    @Test
    void withdrawsARecordKeyOnlyWhileItIsWrappedUnderTheKekItWasInsertedWith() {
        WrappedRecordKey caughtUp = recordKey("r-1", "owner-1");
        WrappedRecordKey orphaned = recordKey("r-2", "owner-1");
        recordKeys.insertNew(RecordDomain.PATIENT, List.of(caughtUp, orphaned));
        erasable.rewrapRecordKey(RecordDomain.PATIENT, caughtUp, "kek-new", new byte[60]);

        recordKeys.withdraw(RecordDomain.PATIENT, List.of(caughtUp, orphaned));

        assertThat(recordKeys.findAll(RecordDomain.PATIENT, List.of("r-1", "r-2")))
                .as("the re-key re-wrapped r-1: it stays readable")
                .containsOnlyKeys("r-1");
    }

    @Test
    void pagesKeksUnderOlderVersionsAndReplacesOnlyWhatWasRead() {
        ownerKeys.insertNew(
                RecordDomain.PATIENT,
                List.of(ownerKey("a", "kek-a", 1), ownerKey("b", "kek-b", 1), ownerKey("c", "kek-c", 2)));

        List<WrappedOwnerKey> page = versions.wrappedBefore(RecordDomain.PATIENT, 2, "", 1);
        boolean replaced = versions.replace(RecordDomain.PATIENT, page.get(0), ownerKey("a", "kek-a", 2));
        boolean stale = versions.replace(RecordDomain.PATIENT, page.get(0), ownerKey("a", "kek-a", 2));

        assertThat(page).extracting(WrappedOwnerKey::ownerId).containsExactly("a");
        assertThat(replaced).isTrue();
        assertThat(stale).isFalse();
        assertThat(versions.wrappedBefore(RecordDomain.PATIENT, 2, "a", 10))
                .extracting(WrappedOwnerKey::ownerId)
                .containsExactly("b");
        assertThat(versions.countWrappedUnder(RecordDomain.PATIENT, 1)).isEqualTo(1);
        assertThat(versions.countWrappedBefore(RecordDomain.PATIENT, 2)).isEqualTo(1);
    }

    @Test
    void keepsTheProvenanceAndPseudonymVersionInTheRecordKeysDocumentAndErasureDeletesThemTogether() {
        SealedProvenance provenance = new SealedProvenance(
                "author-1",
                List.of(new ReaderShare("owner-1", new byte[] {1, 2}), new ReaderShare("author-1", new byte[] {3})),
                new byte[] {9, 9},
                "Observation");
        recordKeys.insertNew(
                RecordDomain.PATIENT,
                List.of(
                        new WrappedRecordKey("r-1", "owner-1", "kek", new byte[60], new byte[32], NOW, provenance, 2),
                        recordKey("r-old", "owner-1")));

        Map<String, WrappedRecordKey> found = recordKeys.findAll(RecordDomain.PATIENT, List.of("r-1", "r-old"));
        erasable.deleteRecordKeys(RecordDomain.PATIENT, "owner-1", List.of("r-1"));

        assertThat(found.get("r-1").pseudonymVersion()).isEqualTo(2);
        assertThat(found.get("r-1").provenance().authorId()).isEqualTo("author-1");
        assertThat(found.get("r-1").provenance().category()).isEqualTo("Observation");
        assertThat(found.get("r-1").provenance().authorSignature()).containsExactly(9, 9);
        assertThat(found.get("r-1").provenance().shares())
                .extracting(ReaderShare::readerId)
                .containsExactly("owner-1", "author-1");
        assertThat(found.get("r-1").provenance().shares().get(0).share()).containsExactly(1, 2);
        assertThat(found.get("r-old").provenance()).isNull();
        assertThat(found.get("r-old").pseudonymVersion()).isNull();
        assertThat(mongo.getCollection(VaultCollections.recordKeys(RecordDomain.PATIENT))
                        .countDocuments(new org.bson.Document("_id", "r-1")))
                .isZero();
    }

    @Test
    void keepsEachErasedRecordsPseudonymVersionThroughPlanAndExtension() {
        Erasure planned = new Erasure(
                "req-7",
                RecordDomain.PATIENT,
                "owner-1",
                null,
                List.of("r-1"),
                List.of(ErasedKey.k2("r-1")),
                Erasure.State.PLANNED,
                NOW,
                null,
                null,
                Map.of("r-1", 1));
        erasures.plan(RecordDomain.PATIENT, planned);

        Erasure extended = erasures.extend(RecordDomain.PATIENT, "req-7", List.of("r-2"), Map.of("r-2", 2));

        assertThat(extended.pseudonymVersions()).isEqualTo(Map.of("r-1", 1, "r-2", 2));
        assertThat(erasures.find(RecordDomain.PATIENT, "req-7").orElseThrow().recordIds())
                .containsExactly("r-1", "r-2");
    }

    private static Erasure erasure(String requestId, List<String> recordIds) {
        return new Erasure(
                requestId,
                RecordDomain.PATIENT,
                "owner-1",
                null,
                recordIds,
                recordIds.stream().map(ErasedKey::k2).toList(),
                Erasure.State.PLANNED,
                NOW,
                null,
                null);
    }

    private static WrappedRecordKey recordKey(String recordId, String ownerId) {
        return new WrappedRecordKey(recordId, ownerId, "kek", new byte[60], new byte[32], NOW);
    }

    private static WrappedOwnerKey ownerKey(String ownerId, String kekId, int version) {
        return new WrappedOwnerKey(ownerId, kekId, new byte[60], version, NOW);
    }
}
