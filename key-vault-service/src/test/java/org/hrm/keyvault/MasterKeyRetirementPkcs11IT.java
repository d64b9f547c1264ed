package org.hrm.keyvault;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import java.security.KeyStore;
import org.hrm.keyvault.adapter.pkcs11.Pkcs11Token;
import org.hrm.keyvault.adapter.pkcs11.SoftHsmTokens;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Master key retirement with the keys in a SoftHSM2 token, as in production: ROTATE generates the new version inside
 * the token, RETIRE deletes the old token object (no file to rewrite), and a backup taken before an erasure opens
 * nothing afterwards.
 */
class MasterKeyRetirementPkcs11IT extends MasterKeyRetirementScenario {
    private static MongoServer mongo;
    private static Pkcs11Token token;

    @DynamicPropertySource
    static void tokenCustody(DynamicPropertyRegistry registry) {
        token = SoftHsmTokens.vaultToken();
        mongo = mongo(registry);
        registry.add("hrm.vault.sandbox", () -> "false");
        registry.add("hrm.vault.pkcs11.library", token::library);
        registry.add("hrm.vault.pkcs11.pin-file", () -> token.pinFile().toString());
        registry.add("hrm.vault.pkcs11.initialize", () -> "true");
    }

    @AfterAll
    static void stopMongo() {
        mongo.shutdownNow();
    }

    @Override
    void prepareVersion(int version) {}

    @Override
    void assertDestroyed(int version) throws Exception {
        KeyStore reloaded = SoftHsmTokens.reloadedKeyStore();
        assertThat(reloaded.containsAlias("hrm-master-v" + version)).isFalse();
        assertThat(reloaded.containsAlias("hrm-master-v" + (version + 1))).isTrue();
        assertThat(reloaded.containsAlias("hrm-pseudonym-v1")).isTrue();
    }
}
