package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.hrm.cli.ChainRecords;
import org.hrm.cli.ErasureCommands;
import org.hrm.cli.Session;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.PartyKind;
import org.hrm.embedded.SoftHsm;
import org.hrm.keyvault.application.OuterDecryption;
import org.hrm.keyvault.domain.MasterKeyCustody;
import org.hrm.keyvault.domain.MasterKeyRingException;
import org.hrm.testsupport.Requirements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hrm demo --hsm} as it runs without {@code ./hrm up}: the platform with the vault's keys in a SoftHSM2
 * token. The whole demo story holds, ending with the topics expired and the gateway restarted while the owners still
 * see every record, grant and receipt; and after ROTATE and RETIRE a copy of the vault's database taken before an
 * erasure opens nothing. Skipped without SoftHSM2 (reason printed); a failure under CI, which installs it.
 *
 * <p>The one IT of the whole demo: it used to run twice, with the key file (StoreDemoRestartIT) and here, which cost
 * CI a platform and a demo (about a minute). The demo differs from {@code ./hrm demo} only in where the master key
 * lives, and every other system test runs the vault on the key file.
 */
class HsmDemoIT {
    private static final PartyKeys HOSPITAL = PartyKeys.generate("hospital-hsm");
    private static final PartyKeys DANA = PartyKeys.generate("patient-dana");
    private static final PartyKeys EVE = PartyKeys.generate("patient-eve");

    private static Platform platform;
    private static Session session;

    @BeforeAll
    static void startPlatformWithTheKeysInAToken(@TempDir Path home) throws Exception {
        Requirements.requireNoReason(SoftHsm.unavailable(), "HsmDemoIT");
        platform = Platform.start(Platform.Options.ephemeral(home), SandboxHsm.tuning(true, home), step -> {});
        session = Session.of(platform.endpoints());
    }

    @AfterAll
    static void stopPlatform() {
        if (session != null) {
            session.close();
        }
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theDemoStoryHoldsWithTheMasterKeyInTheTokenAndTheOwnersLoseNothingOverARestartOnExpiredTopics()
            throws Exception {
        StoreDemo demo = new StoreDemo().inspecting(platform::gatewayReleases).restarting(platform);

        int exit = demo.tell(platform.endpoints());

        assertThat(exit).as("demo summary %s", demo.summary()).isZero();
        assertThat(demo.summary())
                .containsEntry("gatewayViewsAfterRestart", true)
                .containsEntry("masterKeyCustody", "pkcs11")
                .containsEntry("fhirResourcesValid", true)
                .containsEntry("edgeSubmissions", 2);
        assertThat(platform.endpoints().vaultMasterKeyFile())
                .as("no key file in use")
                .isNull();
    }

    @Test
    void aBackupTakenBeforeAnErasureOpensNothingOnceItsTokenVersionIsRetired() throws Exception {
        register();
        EncryptedRecord danas = store(DANA, "dana: allergy to latex");
        EncryptedRecord eves = store(EVE, "eve: vaccination record");
        try (EventWatcher watcher = new EventWatcher(platform.kafka(SandboxPrincipals.OBSERVER))) {
            assertThat(watcher.awaitCommitted(
                            List.of(danas.recordId(), eves.recordId()), Duration.ofSeconds(90), line -> {}))
                    .isTrue();
        }
        MasterKeyCustody custody = platform.keyVault().getBean(MasterKeyCustody.class);
        int before = custody.currentVersion();
        Document backupKek = vaultCollection("patient_owner_keys", DANA.partyId());
        Document backupK2 = vaultCollection("patient_record_keys", danas.recordId());
        ErasureCommands.erase(session, Domain.PATIENT, DANA, null);

        int rotated = VaultCommands.send(session, "ROTATE", 0);
        int retired = VaultCommands.send(session, "RETIRE", before);

        assertThat(rotated).isZero();
        assertThat(retired).isZero();
        assertThat(custody.versions()).doesNotContain(before).contains(before + 1);
        assertThat(backupKek.getInteger("masterKeyVersion")).isEqualTo(before);
        restore("patient_owner_keys", backupKek);
        restore("patient_record_keys", backupK2);
        OuterDecryption vault = platform.keyVault().getBean(OuterDecryption.class);
        assertThatThrownBy(() -> vault.removeOuterLayer(Domain.PATIENT, danas.recordId(), outer(danas)))
                .as("the restored backup of an erased owner")
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessageContaining("v" + before);
        assertThat(vault.removeOuterLayer(Domain.PATIENT, eves.recordId(), outer(eves)))
                .as("another owner's record after rotation and retirement")
                .isEqualTo(eves.innerCiphertext());
    }

    /** Attested, proven registrations, as the sandbox's gateway would publish them: consumers refuse any other. */
    private static void register() throws Exception {
        SandboxAttester attester = SandboxAttester.of(session.endpoints);
        SandboxAttester.publishInOrder(
                session.publisher,
                session.observer(),
                List.of(
                        attester.register(HOSPITAL, PartyKind.SYSTEM, null, null),
                        attester.register(DANA, PartyKind.PATIENT, null, null),
                        attester.register(EVE, PartyKind.PATIENT, null, null)));
    }

    private static EncryptedRecord store(PartyKeys owner, String text) {
        return PatientRecords.submit(session, HOSPITAL, owner, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] outer(EncryptedRecord record) throws Exception {
        return new ChainRecords(session.web3j)
                .stored(platform.ledgers().get(Domain.PATIENT), record.recordId())
                .orElseThrow()
                .outerCiphertext();
    }

    private static Document vaultCollection(String collection, String id) {
        try (MongoClient client = MongoClients.create(platform.mongoUri("key-vault"))) {
            return documents(client, collection).find(Filters.eq("_id", id)).first();
        }
    }

    private static void restore(String collection, Document document) {
        try (MongoClient client = MongoClients.create(platform.mongoUri("key-vault"))) {
            documents(client, collection)
                    .replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
        }
    }

    private static MongoCollection<Document> documents(MongoClient client, String collection) {
        return client.getDatabase("key-vault").getCollection(collection);
    }
}
