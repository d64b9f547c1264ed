package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.sandbox.FhirEdgeClient.FHIR;
import static org.hrm.sandbox.FhirEdgeClient.assertSameResource;
import static org.hrm.sandbox.FhirEdgeClient.transaction;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.Pkcs11PartyKey;
import org.hrm.client.sdk.Pkcs11Token;
import org.hrm.contracts.events.PartyKind;
import org.hrm.embedded.SoftHsm;
import org.hrm.testsupport.Requirements;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The edge with the hospital's key in a PKCS#11 token (SoftHSM2): generated inside the token, registered, and used
 * there for everything (provenance signatures, access requests, opening the vault's releases); a posted transaction
 * is committed, the owner verifies the token key's signature and reads the resources back, so does the hospital.
 *
 * <p>Runs in a JVM of its own (the failsafe execution {@code edge-hsm}): SoftHSM2 reads its configuration once per
 * process, and HsmDemoIT makes a token of its own.
 */
class FhirEdgeHsmIT {
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String HOSPITAL_ID = "hospital-hsm-" + SUFFIX;
    private static final PartyKeys PATIENT = PartyKeys.generate("patient-hsm-" + SUFFIX);
    private static final String EHR_PATIENT = "Patient/mrn-" + SUFFIX;

    private static Pkcs11Token token;
    private static Pkcs11PartyKey hospital;
    private static ConfigurableApplicationContext edge;
    private static FhirEdgeClient ehr;

    @BeforeAll
    static void startEdgeWithTheHospitalKeyInAToken(@TempDir Path dir) throws Exception {
        Requirements.requireNoReason(SoftHsm.unavailable(), "FhirEdgeHsmIT");
        SoftHsm.Token softHsm = SoftHsm.initialise(dir.resolve("softhsm"), "hrm-edge-hospital");
        token = new Pkcs11Token(softHsm.library().toString(), null, 0, softHsm.pinFile());
        Path configuration = Files.writeString(dir.resolve("sunpkcs11.cfg"), token.configuration());
        SoftHsm.generateP256Key(softHsm, configuration, HOSPITAL_ID);
        hospital = Pkcs11PartyKey.open(HOSPITAL_ID, token, HOSPITAL_ID);
        Platform platform = SharedPlatform.get();
        SandboxAttester attester = platform.attester();
        SharedPlatform.register(List.of(
                attester.register(hospital, PartyKind.SYSTEM, null, null),
                attester.register(PATIENT, PartyKind.PATIENT, null, null)));
        Path mapping = Files.writeString(dir.resolve("owners.properties"), EHR_PATIENT + " = " + PATIENT.partyId());
        edge = FhirEdgeSandbox.startWithTokenKey(platform.endpoints(), HOSPITAL_ID, token, HOSPITAL_ID, mapping, 0);
        ehr = new FhirEdgeClient(platform, FhirEdgeSandbox.url(edge), EHR_PATIENT, PATIENT, HOSPITAL_ID);
    }

    @AfterAll
    static void stopEdge() {
        if (edge != null) {
            edge.close();
        }
        if (hospital != null) {
            hospital.close();
        }
    }

    @Test
    void aBundleSignedWithTheTokenKeyIsCommittedAndReadBackByTheOwnerAndTheHospital() throws Exception {
        List<Resource> resources = List.of(ehr.heartRate(), ehr.hypertension());

        HttpResponse<String> accepted = ehr.post(transaction(resources));

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        Bundle response = FHIR.newJsonParser().parseResource(Bundle.class, accepted.body());
        List<String> locations = response.getEntry().stream()
                .map(entry -> entry.getResponse().getLocation())
                .toList();
        assertThat(locations).hasSize(2);
        for (int i = 0; i < 2; i++) {
            String recordId = locations.get(i).split("/")[1];
            ehr.awaitCommitted(recordId);
            assertSameResource(ehr.readByOwner(recordId), resources.get(i));
            assertSameResource(ehr.get(locations.get(i)), resources.get(i));
        }
    }

    @Test
    void theHospitalKeyCannotBeReadOutOfTheToken() throws Exception {
        // A provider of its own, as another program on the hospital's machine would open the token.
        Provider provider = Security.getProvider("SunPKCS11").configure("--" + token.configuration());
        KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
        keyStore.load(null, Files.readString(token.pinFile()).strip().toCharArray());

        PrivateKey key = (PrivateKey) keyStore.getKey(HOSPITAL_ID, null);

        assertThat(key.getEncoded()).as("CKA_SENSITIVE: no value to encode").isNull();
        assertThat(key.toString()).contains("token object", "sensitive", "unextractable");
        assertThat(hospital.describeKey()).contains("unextractable");
    }
}
