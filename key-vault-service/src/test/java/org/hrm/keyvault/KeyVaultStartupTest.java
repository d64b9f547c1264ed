package org.hrm.keyvault;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
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
}
