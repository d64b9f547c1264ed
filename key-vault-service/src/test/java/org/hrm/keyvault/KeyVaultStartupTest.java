package org.hrm.keyvault;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.hrm.keyvault.domain.MasterKeyRingException;
import org.junit.jupiter.api.Test;

class KeyVaultStartupTest {

    @Test
    void refusesToStartWithoutItsMasterKeyAndSaysWhy() {
        Map<String, Object> properties = Map.of(
                "hrm.vault.master-key-file", "/nonexistent/hrm-master.keys",
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "spring.mongodb.uri", "mongodb://127.0.0.1:1/keyvault");

        assertThatThrownBy(() -> KeyVaultApplication.start(properties))
                .rootCause()
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessage("master key file /nonexistent/hrm-master.keys does not exist or is not a file");
    }

    @Test
    void refusesTheKeyFileOutsideTheSandboxAndSaysWhereTheKeysBelong() {
        Map<String, Object> properties = Map.of(
                "HRM_VAULT_MASTER_KEYS", MasterKeyRing.generateKeyFileContent(),
                "hrm.vault.sandbox", "false",
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "spring.mongodb.uri", "mongodb://127.0.0.1:1/keyvault");

        assertThatThrownBy(() -> KeyVaultApplication.start(properties))
                .rootCause()
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessageContaining("refused outside the sandbox")
                .hasMessageContaining("hrm.vault.pkcs11.library");
    }

    @Test
    void refusesAPkcs11TokenWithoutAPinFile() {
        Map<String, Object> properties = Map.of(
                "hrm.vault.sandbox", "false",
                "hrm.vault.pkcs11.library", "/usr/lib/softhsm/libsofthsm2.so",
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "spring.mongodb.uri", "mongodb://127.0.0.1:1/keyvault");

        assertThatThrownBy(() -> KeyVaultApplication.start(properties))
                .rootCause()
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessageStartingWith("hrm.vault.pkcs11.pin-file is not set");
    }

    @Test
    void refusesToRunTheReleasePathWithoutConsentServicesPublicKey() {
        Map<String, Object> properties = releasePath();
        properties.remove("hrm.vault.consent-public-key");

        assertThatThrownBy(() -> KeyVaultApplication.start(properties))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("hrm.vault.consent-public-key is not set");
    }

    @Test
    void refusesAConsentKeyThatIsNotAP256Point() {
        Map<String, Object> properties = releasePath();
        properties.put("hrm.vault.consent-public-key", "AAAA");

        assertThatThrownBy(() -> KeyVaultApplication.start(properties))
                .rootCause()
                .hasMessageContaining("65-byte uncompressed SEC1 point");
    }

    @Test
    void refusesToRunTheReleasePathWithoutBothLedgerAddresses() {
        Map<String, Object> properties = releasePath();
        properties.remove("hrm.vault.chain.contracts.practitioner");

        assertThatThrownBy(() -> KeyVaultApplication.start(properties))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("hrm.vault.chain.contracts.practitioner must be the practitioner ledger");
    }

    /** A complete release-path configuration; nothing behind the addresses is contacted before beans fail. */
    private static Map<String, Object> releasePath() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("HRM_VAULT_MASTER_KEYS", MasterKeyRing.generateKeyFileContent());
        properties.put("spring.kafka.bootstrap-servers", "127.0.0.1:1");
        properties.put("spring.mongodb.uri", "mongodb://127.0.0.1:1/keyvault");
        properties.put("hrm.vault.consent-public-key", TestConsent.generate().publicKeyBase64());
        properties.put("hrm.vault.chain.rpc-url", "http://127.0.0.1:1");
        properties.put("hrm.vault.chain.contracts.patient", "0x5FbDB2315678afecb367f032d93F642f64180aa3");
        properties.put("hrm.vault.chain.contracts.practitioner", "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512");
        return properties;
    }
}
