package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.hrm.cli.ChainRecords;
import org.hrm.cli.ErasureCommands;
import org.hrm.cli.RecordCommands;
import org.hrm.cli.Session;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.keyvault.application.OuterDecryption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure end to end: ErasureRequested -> the vault destroys keys -> KeysDestroyed -> tombstones on
 * chain -> ErasureCommitted -> a receipt signed by the vault; then nobody, the owner included, can
 * read the erased records, while everything else still decrypts.
 */
class ErasureFlowIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Platform platform;
    private static Session session;
    private static RecordFetcher fetcher;

    private static final PartyKeys HOSPITAL = PartyKeys.generate("hospital-st-mary");
    private static final PartyKeys ALICE = PartyKeys.generate("patient-alice");
    private static final PartyKeys BOB = PartyKeys.generate("patient-bob");
    private static final PartyKeys CAROL = PartyKeys.generate("patient-carol");
    private static final PartyKeys DANA = PartyKeys.generate("patient-dana");
    private static final PartyKeys DR_OKAFOR = PartyKeys.generate("practitioner-dr-okafor");

    private static ConsentStory.Subject aliceFirst;
    private static ConsentStory.Subject aliceSecond;
    private static ConsentStory.Subject bobs;
    private static List<ConsentStory.Subject> carols;
    private static ConsentStory.Subject danas;

    @BeforeAll
    static void startPlatformWithRecords(@TempDir Path home) {
        platform = Platform.start(Platform.Options.ephemeral(home), step -> {});
        session = Session.of(platform.endpoints());
        fetcher = new RecordFetcher(platform.kafka(SandboxPrincipals.OBSERVER), session.publisher);
        SandboxAttester attester = platform.attester();
        List<PartyRegistered> parties = new java.util.ArrayList<>();
        parties.add(attester.register(HOSPITAL, PartyKind.SYSTEM, null, null));
        parties.add(attester.register(DR_OKAFOR, PartyKind.PRACTITIONER, HOSPITAL.partyId(), HOSPITAL));
        for (PartyKeys patient : List.of(ALICE, BOB, CAROL, DANA)) {
            parties.add(attester.register(patient, PartyKind.PATIENT, null, null));
        }
        try {
            SandboxAttester.publishInOrder(session.publisher, platform.kafka(SandboxPrincipals.OBSERVER), parties);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        aliceFirst = store(ALICE, "alice: HIV test negative");
        aliceSecond = store(ALICE, "alice: blood pressure 128/82");
        bobs = store(BOB, "bob: penicillin allergy");
        carols = List.of(store(CAROL, "carol: MRI knee"), store(CAROL, "carol: physiotherapy plan"));
        danas = store(DANA, "dana: hepatitis B positive");
        List<String> ids = List.of(
                aliceFirst.recordId(),
                aliceSecond.recordId(),
                bobs.recordId(),
                carols.get(0).recordId(),
                carols.get(1).recordId(),
                danas.recordId());
        try (EventWatcher watcher = new EventWatcher(platform.kafka(SandboxPrincipals.OBSERVER))) {
            assertThat(watcher.awaitCommitted(ids, Duration.ofSeconds(90), line -> {}))
                    .isTrue();
        }
    }

    @AfterAll
    static void stopPlatform() {
        session.close();
        platform.close();
    }

    @Test
    void anErasedRecordIsUnreadableForEveryoneWhileTheOwnersOtherRecordsAndOtherOwnersStillDecrypt() throws Exception {
        byte[] c2 = new ChainRecords(session.web3j)
                .stored(platform.ledgers().get(Domain.PATIENT), aliceFirst.recordId())
                .orElseThrow()
                .outerCiphertext();

        ErasureReceipt receipt = ErasureCommands.erase(session, Domain.PATIENT, ALICE, aliceFirst.recordId());

        assertThat(receipt.recordIds()).containsExactly(aliceFirst.recordId());
        assertThat(receipt.keys())
                .extracting(key -> key.kind())
                .as("K2, and the re-keyed owner's old KEK")
                .containsExactlyInAnyOrder("K2", "KEK");
        assertThat(receipt.tombstones()).extracting(t -> t.recordId()).containsExactly(aliceFirst.recordId());
        assertThat(ErasureCommands.verifies(platform.endpoints(), receipt)).isTrue();
        for (PartyKeys reader : List.of(ALICE, HOSPITAL)) {
            RecordFetcher.Answer answer = fetch(aliceFirst, reader);
            assertThat(answer.allowed()).isFalse();
            assertThat(answer.denied().reason()).isEqualTo("record erased");
        }
        assertThat(vaultDocumentsNaming(aliceFirst.recordId()))
                .as("wrapped K2 left in the vault")
                .isEmpty();
        assertThatThrownBy(() -> platform.keyVault()
                        .getBean(OuterDecryption.class)
                        .removeOuterLayer(Domain.PATIENT, aliceFirst.recordId(), c2))
                .as("C2 from the chain without K2")
                .isInstanceOf(RuntimeException.class);
        assertThat(read(aliceSecond, ALICE)).isEqualTo(aliceSecond.plaintext());
        assertThat(read(bobs, BOB)).isEqualTo(bobs.plaintext());
    }

    @Test
    void aRecordGrantedReadRevokedAndErasedOpensNowhereWithAnyPartysKey() throws Exception {
        ConsentStory story = new ConsentStory(session, line -> {});
        var grant = story.grant(danas, DR_OKAFOR, Instant.now().plus(Duration.ofDays(30)));
        assertThat(read(danas, DR_OKAFOR))
                .as("the doctor reads under the grant")
                .isEqualTo(danas.plaintext());
        story.revoke(danas, grant);
        List<ErasureCompleteness.ErasedRecord> erased =
                List.of(new ErasureCompleteness.ErasedRecord(danas.recordId(), Domain.PATIENT, DANA.partyId()));
        List<PartyKeys> everyKey = List.of(DANA, HOSPITAL, DR_OKAFOR, ALICE, BOB, CAROL);
        ErasureSurvey survey =
                new ErasureSurvey(platform.endpoints(), session.web3j, platform::gatewayReleases, line -> {});
        assertThat(survey.examine(new ErasureCompleteness(everyKey), erased).copies())
                .as("before the erasure the check finds the copies the topics hold")
                .isNotEmpty();

        ErasureCommands.erase(session, Domain.PATIENT, DANA, danas.recordId());
        Map<String, Object> result = survey.run(erased, everyKey, Duration.ofSeconds(90));

        assertThat(result).containsEntry("erasedCopiesFound", 0).containsEntry("erasedRecoverableWithAnyKey", false);
        assertThat(fetch(danas, DANA).denied().reason()).isEqualTo("record erased");
    }

    @Test
    void erasingAllOfAnOwnersRecordsDestroysTheirKeyAndRetiringTheMasterKeyVersionKillsOlderBackups() throws Exception {
        Document carolsKeyBeforeErasure = vaultOwnerKey(CAROL.partyId());
        assertThat(carolsKeyBeforeErasure).as("a backup of carol's wrapped KEK").isNotNull();

        ErasureReceipt receipt = ErasureCommands.erase(session, Domain.PATIENT, CAROL, null);
        int newVersion =
                VaultCommands.appendVersion(Path.of(platform.endpoints().vaultMasterKeyFile()));
        int rotated = VaultCommands.send(session, "ROTATE", newVersion);
        int retired = VaultCommands.send(session, "RETIRE", newVersion - 1);

        assertThat(receipt.recordIds())
                .containsExactlyInAnyOrderElementsOf(
                        carols.stream().map(ConsentStory.Subject::recordId).toList());
        assertThat(receipt.keys()).extracting(key -> key.kind()).contains("KEK");
        assertThat(vaultOwnerKey(CAROL.partyId()))
                .as("carol's KEK in the live vault")
                .isNull();
        for (ConsentStory.Subject record : carols) {
            assertThat(fetch(record, CAROL).denied().reason()).isEqualTo("record erased");
        }
        assertThat(rotated).isZero();
        assertThat(retired).isZero();
        assertThat(carolsKeyBeforeErasure.getInteger("masterKeyVersion")).isEqualTo(newVersion - 1);
        assertThat(Files.readString(Path.of(platform.endpoints().vaultMasterKeyFile())))
                .as("the backup's master key version is gone from the key file")
                .doesNotContainPattern("(?m)^v" + (newVersion - 1) + "=");
        assertThat(read(bobs, BOB))
                .as("bob's records after rotation and retirement")
                .isEqualTo(bobs.plaintext());
    }

    private static ConsentStory.Subject store(PartyKeys owner, String text) {
        byte[] plaintext = text.getBytes(StandardCharsets.UTF_8);
        EncryptedRecord record = PatientRecords.submit(session, HOSPITAL, owner, plaintext);
        return new ConsentStory.Subject(record.recordId(), Domain.PATIENT, owner, plaintext);
    }

    private static RecordFetcher.Answer fetch(ConsentStory.Subject record, PartyKeys reader) {
        return fetcher.fetch(record.recordId(), record.domain(), reader, "TREAT", null, WAIT);
    }

    private static byte[] read(ConsentStory.Subject record, PartyKeys reader) {
        RecordFetcher.Answer answer = fetch(record, reader);
        assertThat(answer.allowed()).as("released: %s", answer.denied()).isTrue();
        return RecordCommands.open(answer.released(), record.owner().partyId(), reader, reader);
    }

    /** Documents of the vault's record-key collection for this record, read straight from its database. */
    private static List<Document> vaultDocumentsNaming(String recordId) {
        try (MongoClient client = MongoClients.create(platform.mongoUri("key-vault"))) {
            return client.getDatabase("key-vault")
                    .getCollection("patient_record_keys")
                    .find(Filters.eq("_id", recordId))
                    .into(new java.util.ArrayList<>());
        }
    }

    private static Document vaultOwnerKey(String ownerId) {
        try (MongoClient client = MongoClients.create(platform.mongoUri("key-vault"))) {
            return client.getDatabase("key-vault")
                    .getCollection("patient_owner_keys")
                    .find(Filters.eq("_id", ownerId))
                    .first();
        }
    }
}
