package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.hrm.cli.ChainVerifier;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordCryptoException;
import org.hrm.client.sdk.RecordDecryptor;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.SealedShare;
import org.hrm.contracts.ledger.StoredPayloads;
import org.hrm.keyvault.application.OuterDecryption;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The store flow end to end, the test to read first: SDK encrypt -> Kafka -> key vault -> ledger
 * writer -> Anvil -> RecordCommitted; then the chain is read independently with eth_getLogs. The platform is
 * shared with {@link OpsIT}.
 */
class StoreFlowIT {
    private static final Platform platform = SharedPlatform.get();
    private static final Web3j web3j = SharedPlatform.web3j();

    private final Map<String, byte[]> salts = new java.util.HashMap<>();
    private final RecordDecryptor decryptor = new RecordDecryptor();
    // Fresh ids per test on the shared platform: an attested id keeps its key.
    private final String run = java.util.UUID.randomUUID().toString();
    private final PartyKeys hospital = PartyKeys.generate("hospital-st-mary-" + run);
    private final PartyKeys patient = PartyKeys.generate("patient-alice-" + run);
    private final PartyKeys doctor = PartyKeys.generate("practitioner-dr-chen-" + run);
    private final PartyKeys stranger = PartyKeys.generate("patient-mallory-" + run);

    @Test
    void storedRecordsAreCommittedOnChainAndReadableOnlyWithAReaderKeyAndTheVault() throws Exception {
        byte[] patientText =
                "{\"resourceType\":\"Observation\",\"valueString\":\"BP 128/82\"}".getBytes(StandardCharsets.UTF_8);
        byte[] doctorText =
                "{\"resourceType\":\"PractitionerRole\",\"specialty\":\"cardiology\"}".getBytes(StandardCharsets.UTF_8);
        EncryptedRecord patientRecord = encrypt(Domain.PATIENT, patient, patientText);
        EncryptedRecord doctorRecord = encrypt(Domain.PRACTITIONER, doctor, doctorText);
        long recordsBefore = (Long) new ChainVerifier(web3j).verify().get("records");
        SandboxAttester attester = SharedPlatform.get().attester();
        SharedPlatform.register(List.of(
                attester.register(hospital, PartyKind.SYSTEM, null, null),
                attester.register(patient, PartyKind.PATIENT, null, null),
                attester.register(doctor, PartyKind.PRACTITIONER, hospital.partyId(), hospital)));

        Map<String, RecordCommitted> committed = SharedPlatform.submitAndAwait(List.of(patientRecord, doctorRecord));

        Log patientLog = storedLog(Domain.PATIENT, committed.get(patientRecord.recordId()));
        Log doctorLog = storedLog(Domain.PRACTITIONER, committed.get(doctorRecord.recordId()));
        assertThat(logsOf(Domain.PATIENT)).extracting(Log::getData).doesNotContain(doctorLog.getData());
        assertThat(logsOf(Domain.PRACTITIONER)).extracting(Log::getData).doesNotContain(patientLog.getData());

        List<byte[]> chainAndVault = new ArrayList<>(new ChainScanner(web3j).allChainBytes(contracts()));
        chainAndVault.addAll(rawVaultDatabase());
        for (var pair : List.of(Map.entry(patientRecord, patientText), Map.entry(doctorRecord, doctorText))) {
            assertThat(ChainScanner.containsAny(
                            chainAndVault,
                            SecretBytes.of(
                                            pair.getKey(),
                                            pair.getValue(),
                                            salts.get(pair.getKey().recordId()))
                                    .all()))
                    .as(
                            "plaintext, salt, K1 or C1 of %s in the chain or the vault database",
                            pair.getKey().recordId())
                    .isFalse();
        }

        Map<String, Object> audit = new ChainVerifier(web3j).verify();
        assertThat(audit).containsEntry("records", recordsBefore + 2).containsEntry("allCiphertext", true);

        LedgerPayload onChain = payloadOf(patientLog);
        byte[] c1 = vaultRelease(Domain.PATIENT, patientRecord.recordId(), onChain.outerCiphertext());
        KeyShare ownerShare = shareOnChain(onChain, patientRecord, patient.partyId());
        assertThat(decryptor.decrypt(
                        patientRecord.recordId(), Domain.PATIENT, patient.partyId(), c1, ownerShare, patient))
                .isEqualTo(patientText);
        assertThatThrownBy(() -> decryptor.decrypt(
                        patientRecord.recordId(),
                        Domain.PATIENT,
                        patient.partyId(),
                        c1,
                        new KeyShare(stranger.partyId(), ownerShare.share()),
                        stranger))
                .isInstanceOf(RecordCryptoException.class);
    }

    private EncryptedRecord encrypt(Domain domain, PartyKeys owner, byte[] plaintext) {
        SaltRecorder random = new SaltRecorder();
        EncryptedRecord record = new RecordEncryptor(random)
                .encrypt(
                        UUID.randomUUID().toString(),
                        domain,
                        owner.partyId(),
                        hospital,
                        plaintext,
                        Map.of(owner.partyId(), owner.publicKey()));
        salts.put(record.recordId(), random.salt());
        return record;
    }

    /** The record's log (RecordInCalldata or RecordStored) named by a RecordCommitted, found independently. */
    private Log storedLog(Domain domain, RecordCommitted commit) throws Exception {
        assertThat(commit.contractAddress())
                .isEqualToIgnoringCase(platform.ledgers().get(domain));
        Log log = logsOf(domain).stream()
                .filter(candidate -> candidate.getTransactionHash().equals(commit.transactionHash()))
                .filter(candidate -> candidate.getLogIndex().intValueExact() == commit.logIndex())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no record log for " + commit));
        assertThat(log.getBlockNumber().longValueExact()).isEqualTo(commit.blockNumber());
        assertThat(StoredPayloads.isWholeRecord(log)).isTrue();
        assertThat(uuid(Numeric.hexStringToByteArray(log.getTopics().get(1)))).isEqualTo(commit.recordId());
        return log;
    }

    private List<Log> logsOf(Domain domain) throws Exception {
        return new ChainScanner(web3j).logs(List.of(platform.ledgers().get(domain)));
    }

    private List<String> contracts() {
        return List.copyOf(platform.ledgers().values());
    }

    /** The payload of the record's log, from the log or (calldata layout) from its transaction's input, checked. */
    private LedgerPayload payloadOf(Log log) {
        return LedgerPayload.decode(StoredPayloads.read(web3j, log).bytes());
    }

    /** The owner's share as it stands on chain (the vault only replaced the reader id by a pseudonym). */
    private static KeyShare shareOnChain(LedgerPayload payload, EncryptedRecord record, String readerId) {
        byte[] submitted = record.shareOf(readerId).share();
        SealedShare onChain = payload.shares().stream()
                .filter(share -> java.util.Arrays.equals(share.share(), submitted))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the owner's share is not on chain"));
        return new KeyShare(readerId, onChain.share());
    }

    /** Every document of the vault's database, as the raw BSON bytes a stolen backup would hold. */
    private static List<byte[]> rawVaultDatabase() {
        List<byte[]> documents = new ArrayList<>();
        try (MongoClient client = MongoClients.create(platform.mongoUri("key-vault"))) {
            MongoDatabase database = client.getDatabase("key-vault");
            for (String collection : database.listCollectionNames()) {
                for (Document document : database.getCollection(collection).find()) {
                    RawBsonDocument raw = new RawBsonDocument(document, new DocumentCodec());
                    byte[] bytes = new byte[raw.getByteBuffer().remaining()];
                    raw.getByteBuffer().get(bytes);
                    documents.add(bytes);
                }
            }
        }
        assertThat(documents).as("the vault stored keys").isNotEmpty();
        return documents;
    }

    private static byte[] vaultRelease(Domain domain, String recordId, byte[] c2) {
        return platform.keyVault().getBean(OuterDecryption.class).removeOuterLayer(domain, recordId, c2);
    }

    private static String uuid(byte[] bytes) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong()).toString();
    }
}
