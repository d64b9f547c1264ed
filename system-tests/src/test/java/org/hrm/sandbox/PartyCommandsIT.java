package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hrm.cli.HrmCli;
import org.hrm.cli.Json;
import org.hrm.cli.Session;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.authority.RetiredKey;
import org.hrm.contracts.events.PartyKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI reports consent-service's verdict: exit 0 when accepted, 3 with the reason when refused; and a record stays
 * readable as verified after its author rotates keys.
 */
class PartyCommandsIT {
    @TempDir
    static Path dir;

    private static Path endpoints;

    @BeforeAll
    static void writeTheSharedPlatformsEndpoints() throws Exception {
        endpoints = dir.resolve("endpoints.json");
        Files.writeString(endpoints, Json.write(SharedPlatform.get().endpoints()));
    }

    @Test
    void registerExitsZeroWhenAcceptedAndThreeWhenTheIdIsTaken() throws Exception {
        String id = "patient-cli-" + System.nanoTime();

        assertThat(register(id, dir.resolve(id + ".key.json"))).isZero();
        assertThat(register(id, dir.resolve(id + "-second.key.json"))).isEqualTo(3);
    }

    @Test
    void rotateKeyExitsZeroAndKeepsTheOldKeyBeside() throws Exception {
        String id = "patient-rotating-" + System.nanoTime();
        Path keystore = dir.resolve(id + ".key.json");
        assertThat(register(id, keystore)).isZero();
        byte[] oldKey = PartyKeyFile.load(keystore).publicKey();

        int exit = HrmCli.commandLine().execute(new String[] {
            "rotate-key", "--keystore", keystore.toString(), "--endpoints", endpoints.toString(), "--timeout", "60"
        });

        assertThat(exit).isZero();
        assertThat(PartyKeyFile.load(keystore).publicKey()).isNotEqualTo(oldKey);
        assertThat(PartyKeyFile.load(Path.of(keystore + ".old")).publicKey()).isEqualTo(oldKey);
    }

    @Test
    void aRecordSealedBeforeItsAuthorReportedItsKeyLostStillFetchesAsVerified() throws Exception {
        long n = System.nanoTime();
        PartyKeys hospital = PartyKeys.generate("hospital-rotating-" + n);
        PartyKeys patient = PartyKeys.generate("patient-of-rotating-" + n);
        SandboxAttester attester = SandboxAttester.of(SharedPlatform.get().endpoints());
        SharedPlatform.register(List.of(
                attester.register(hospital, PartyKind.SYSTEM, null, null),
                attester.register(patient, PartyKind.PATIENT, null, null)));
        Path hospitalKeys = dir.resolve(hospital.partyId() + ".key.json");
        Path patientKeys = dir.resolve(patient.partyId() + ".key.json");
        PartyKeyFile.save(hospital, hospitalKeys);
        PartyKeyFile.save(patient, patientKeys);
        byte[] text = "written before the hospital lost its key".getBytes(StandardCharsets.UTF_8);
        EncryptedRecord record = new RecordEncryptor()
                .encrypt(
                        UUID.randomUUID().toString(),
                        Domain.PATIENT,
                        patient.partyId(),
                        hospital,
                        text,
                        Map.of(patient.partyId(), patient.publicKey()));
        SharedPlatform.submitAndAwait(List.of(record));

        assertThat(HrmCli.commandLine().execute(new String[] {
                    "rotate-key",
                    "--keystore",
                    hospitalKeys.toString(),
                    "--lost",
                    "--endpoints",
                    endpoints.toString(),
                    "--timeout",
                    "60"
                }))
                .isZero();
        Path out = dir.resolve("fetched-" + n);
        int exit = HrmCli.commandLine().execute(new String[] {
            "fetch",
            "--keystore",
            patientKeys.toString(),
            "--record",
            record.recordId(),
            "--owner",
            patient.partyId(),
            "--out",
            out.toString(),
            "--endpoints",
            endpoints.toString()
        });

        try (Session session = Session.of(SharedPlatform.get().endpoints())) {
            assertThat(session.directory()
                            .find(hospital.partyId())
                            .orElseThrow()
                            .retired(hospital.publicKey())
                            .orElseThrow()
                            .ended())
                    .as("the record's signing key is no longer the hospital's: it was reported lost")
                    .isEqualTo(RetiredKey.Ending.REPORTED_LOST);
        }
        assertThat(exit).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(text);
    }

    @Test
    void revokingAGrantThatIsNotTheOwnersExitsThree() throws Exception {
        String owner = "patient-owner-" + System.nanoTime();
        Path keystore = dir.resolve(owner + ".key.json");
        assertThat(register(owner, keystore)).isZero();

        // A grant id nobody granted: kept as an early revocation, so accepted; another owner's key is refused.
        String mallory = "patient-mallory-" + System.nanoTime();
        Path malloryKeys = dir.resolve(mallory + ".key.json");
        assertThat(register(mallory, malloryKeys)).isZero();
        Path forged = dir.resolve("forged.key.json");
        PartyKeyFile.save(
                org.hrm.client.sdk.PartyKeys.fromPrivateKey(
                        owner, PartyKeyFile.load(malloryKeys).keyPair().privateKey()),
                forged);

        int exit = HrmCli.commandLine().execute(new String[] {
            "revoke",
            "--keystore",
            forged.toString(),
            "--grant",
            java.util.UUID.randomUUID().toString(),
            "--endpoints",
            endpoints.toString(),
            "--timeout",
            "60"
        });

        assertThat(exit).isEqualTo(3);
    }

    private static int register(String id, Path keystore) throws Exception {
        return HrmCli.commandLine().execute(new String[] {
            "register",
            "--id",
            id,
            "--kind",
            "patient",
            "--keystore",
            keystore.toString(),
            "--endpoints",
            endpoints.toString(),
            "--timeout",
            "60"
        });
    }
}
