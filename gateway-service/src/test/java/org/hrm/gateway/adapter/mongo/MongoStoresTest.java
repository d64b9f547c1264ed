package org.hrm.gateway.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.events.DestroyedKey;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.StandingGrants;
import org.hrm.gateway.adapter.kafka.DirectoryMapping;
import org.hrm.gateway.adapter.kafka.ErasureMapping;
import org.hrm.gateway.application.ErasureView;
import org.hrm.gateway.application.OwnerGrants;
import org.hrm.gateway.application.ReaderShare;
import org.hrm.gateway.application.RecordCommit;
import org.hrm.gateway.application.RecordView;
import org.hrm.gateway.application.Release;
import org.hrm.gateway.application.ReleaseAnswers;
import org.hrm.gateway.application.ReleaseStore;
import org.hrm.gateway.application.TombstoneLog;
import org.hrm.gateway.domain.RecordStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The gateway's views and fetches survive in its database exactly as written, and never move back. */
class MongoStoresTest {
    private static final EventCodec CODEC = new EventCodec();
    private static final Instant AT = Instant.parse("2026-12-04T09:30:00.123456789Z");
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client = connect(server);
    private final MongoTemplate mongo = new MongoTemplate(client, "hrm-gateway");
    private final MongoViewStore views = new MongoViewStore(mongo);
    private final MongoReleaseStore releases = new MongoReleaseStore(mongo);

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRecordComesBackWithItsProvenanceAndCommitToTheNanosecond() {
        RecordView record = committed(UUID.randomUUID().toString());

        views.saveRecord(record);

        RecordView read = views.records().get(0);
        assertThat(read.recordId()).isEqualTo(record.recordId());
        assertThat(read.ownerId()).isEqualTo("patient-alice");
        assertThat(read.authorSignature()).isEqualTo(record.authorSignature());
        assertThat(read.shares().get(1).share()).isEqualTo(new byte[] {7, 8});
        assertThat(read.stage()).isEqualTo(RecordStage.COMMITTED);
        assertThat(read.submittedAt()).isEqualTo(AT);
        assertThat(read.committed()).isEqualTo(record.committed());
    }

    @Test
    void aRecordIsNeverReplacedByAnEarlierStage() {
        RecordView committed = committed(UUID.randomUUID().toString());
        views.saveRecord(committed);

        views.saveRecord(new RecordView(
                committed.recordId(),
                Domain.PATIENT,
                "patient-alice",
                "hospital-a",
                "Observation",
                AT,
                committed.shares(),
                committed.authorSignature(),
                RecordStage.SEALED,
                AT,
                null,
                null));

        assertThat(views.records())
                .singleElement()
                .extracting(RecordView::stage)
                .isEqualTo(RecordStage.COMMITTED);
    }

    @Test
    void partiesGrantsAndReceiptsComeBackAndAreWrittenOncePerId() {
        DirectoryEntry party =
                new DirectoryEntry("dr-chen", PartyKind.PRACTITIONER, "hospital-a", new byte[65], AT, true, List.of());
        OwnerGrants grants = DirectoryMapping.grants(new StandingGrants(
                "patient-alice",
                Domain.PATIENT,
                List.of(new StandingGrants.Grantee(
                        "dr-chen",
                        new byte[65],
                        UUID.randomUUID().toString(),
                        org.hrm.contracts.events.GrantScope.category("*"),
                        AT.plusSeconds(3_600))),
                AT));
        String requestId = UUID.randomUUID().toString();
        ErasureReceipt receipt = new ErasureReceipt(
                requestId,
                Domain.PATIENT,
                "patient-alice",
                List.of(UUID.randomUUID().toString()),
                List.of(new DestroyedKey("record", "key-1", null, 1)),
                AT,
                "0xcontract",
                List.of(),
                AT,
                new byte[64]);
        ErasureView erasure = new ErasureView(
                requestId,
                Domain.PATIENT,
                "patient-alice",
                null,
                AT,
                ErasureView.OWNER_SIGNATURE,
                ErasureView.COMMITTED,
                receipt.recordIds(),
                AT,
                List.of(new TombstoneLog(receipt.recordIds().get(0), "0xdef", 9, 1)),
                ErasureMapping.receipt(CODEC, CODEC.encode(receipt)));

        for (int twice = 0; twice < 2; twice++) {
            views.saveParty(party);
            views.saveStandingGrants(grants);
            views.saveErasure(erasure);
        }

        assertThat(views.parties()).singleElement().satisfies(read -> {
            assertThat(read.partyId()).isEqualTo("dr-chen");
            assertThat(read.institutionId()).isEqualTo("hospital-a");
            assertThat(read.since()).isEqualTo(AT);
        });
        assertThat(views.standingGrants())
                .singleElement()
                .satisfies(read -> assertThat(read.grantees().get(0).grantId())
                        .isEqualTo(grants.grantees().get(0).grantId()));
        assertThat(views.erasures()).singleElement().satisfies(read -> {
            assertThat(read.receipt().event()).isEqualTo(CODEC.encode(receipt));
            assertThat(read.tombstones()).isEqualTo(erasure.tombstones());
        });
    }

    @Test
    void anErasureStoredWithTheReceiptsFieldsComesBackWithTheReceiptEncodedAsTheGatewayHandedItOut() {
        String requestId = UUID.randomUUID().toString();
        ErasureReceipt receipt = new ErasureReceipt(
                requestId,
                Domain.PATIENT,
                "patient-alice",
                List.of(UUID.randomUUID().toString()),
                List.of(new DestroyedKey("record", "key-1", null, 1)),
                AT,
                "0xcontract",
                List.of(),
                AT,
                new byte[64]);
        Document stored = ViewDocuments.toDocument(
                requestId,
                new LegacyErasure(requestId, Domain.PATIENT, "patient-alice", ErasureView.COMMITTED, receipt));
        mongo.getCollection(GatewayCollections.erasures(Domain.PATIENT)).insertOne(stored);

        ErasureView read = views.erasures().get(0);

        assertThat(read.stage()).isEqualTo(ErasureView.COMMITTED);
        assertThat(read.receipt().recordIds()).isEqualTo(receipt.recordIds());
        assertThat(CODEC.decode(read.receipt().event(), ErasureReceipt.class).signedBytes())
                .isEqualTo(receipt.signedBytes());
        assertThat(read.receipt().event()).isEqualTo(CODEC.encode(receipt));
    }

    /** How an erasure was stored before the gateway kept a receipt's bytes: the receipt's fields. */
    private record LegacyErasure(
            String requestId, Domain domain, String ownerId, String stage, ErasureReceipt receipt) {}

    @Test
    void standingGrantsStoredAsTheEventComeBackAsTheOwnersGrants() {
        StandingGrants stored = new StandingGrants(
                "patient-alice",
                Domain.PATIENT,
                List.of(new StandingGrants.Grantee(
                        "dr-chen",
                        new byte[65],
                        UUID.randomUUID().toString(),
                        org.hrm.contracts.events.GrantScope.category("Observation"),
                        AT.plusSeconds(3_600))),
                AT);
        mongo.getCollection(GatewayCollections.standingGrants(Domain.PATIENT))
                .insertOne(ViewDocuments.toDocument(stored.ownerId(), stored));

        OwnerGrants read = views.standingGrants().get(0);

        assertThat(read.ownerId()).isEqualTo("patient-alice");
        assertThat(read.updatedAt()).isEqualTo(AT);
        assertThat(read.grantees()).singleElement().satisfies(grantee -> {
            assertThat(grantee.grantId()).isEqualTo(stored.grantees().get(0).grantId());
            assertThat(grantee.expiresAt()).isEqualTo(AT.plusSeconds(3_600));
            assertThat(grantee.scope().covers(UUID.randomUUID().toString(), "Observation"))
                    .isTrue();
            assertThat(grantee.scope().covers(UUID.randomUUID().toString(), "Condition"))
                    .isFalse();
        });
    }

    @Test
    void aFetchAnswerIsStoredOnceAndGoneOnceCollected() {
        String requestId = UUID.randomUUID().toString();
        String recordId = UUID.randomUUID().toString();
        releases.expect(new ReleaseStore.Request(
                requestId, Domain.PRACTITIONER, recordId, "dr-chen", AT.plusSeconds(120), null));
        Release release = new Release(requestId, recordId, "dr-chen", new byte[] {'{', '}'});

        releases.answer(requestId, Domain.PRACTITIONER, new ReleaseAnswers.Answer(release, null));
        releases.answer(requestId, Domain.PRACTITIONER, new ReleaseAnswers.Answer(null, null));

        assertThat(releases.find(requestId, AT)
                        .orElseThrow()
                        .answer()
                        .released()
                        .requestId())
                .isEqualTo(requestId);
        assertThat(releases.held(AT))
                .singleElement()
                .satisfies(held -> assertThat(held.event()).isEqualTo(release.event()));
        assertThat(releases.find(requestId, AT.plusSeconds(121))).isEmpty();
        releases.forget(requestId);
        assertThat(releases.find(requestId, AT)).isEmpty();
        assertThat(releases.held(AT)).isEmpty();
    }

    private static RecordView committed(String recordId) {
        return new RecordView(
                recordId,
                Domain.PATIENT,
                "patient-alice",
                "hospital-a",
                "Observation",
                AT,
                List.of(
                        new ReaderShare("patient-alice", new byte[] {5, 6}),
                        new ReaderShare("hospital-a", new byte[] {7, 8})),
                new byte[] {1, 2, 3},
                RecordStage.COMMITTED,
                AT,
                new RecordCommit(recordId, Domain.PATIENT, "0xcontract", "0xabc", 7, 0, AT),
                null);
    }

    private static MongoClient connect(MongoServer server) {
        InetSocketAddress address = server.bind();
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }
}
