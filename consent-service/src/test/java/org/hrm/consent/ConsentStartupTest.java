package org.hrm.consent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hrm.consent.domain.SigningKeyException;
import org.junit.jupiter.api.Test;

class ConsentStartupTest {
    private static final Map<String, Object> INFRASTRUCTURE = Map.of(
            "spring.kafka.bootstrap-servers", "127.0.0.1:1",
            "spring.mongodb.uri", "mongodb://127.0.0.1:1/consent");

    @Test
    void refusesToStartWithoutItsSigningKeyFileAndSaysWhy() {
        Map<String, Object> properties = new java.util.HashMap<>(INFRASTRUCTURE);
        properties.put("hrm.consent.signing-key-file", "/nonexistent/consent-signing.key");

        assertThatThrownBy(() -> ConsentApplication.start(properties))
                .rootCause()
                .isInstanceOf(SigningKeyException.class)
                .hasMessage("signing key file /nonexistent/consent-signing.key does not exist or is not a file");
    }

    @Test
    void refusesToStartWithNoSigningKeyAtAll() {
        assertThatThrownBy(() -> ConsentApplication.start(INFRASTRUCTURE))
                .rootCause()
                .isInstanceOf(SigningKeyException.class)
                .hasMessageStartingWith("no decision signing key: set hrm.consent.signing-key-file");
    }
}
