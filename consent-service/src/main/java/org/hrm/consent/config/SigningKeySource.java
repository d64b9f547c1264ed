package org.hrm.consent.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrm.consent.domain.DecisionSigningKey;
import org.hrm.consent.domain.SigningKeyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/** Reads the decision signing key from the key file or the environment, never the database; fails fast. */
final class SigningKeySource {
    static final String ENVIRONMENT_VARIABLE = "HRM_CONSENT_SIGNING_KEY";

    private static final Logger log = LoggerFactory.getLogger(SigningKeySource.class);

    private SigningKeySource() {}

    static DecisionSigningKey load(Path keyFile, Environment environment) {
        DecisionSigningKey key = keyFile != null ? fromFile(keyFile) : fromEnvironment(environment);
        log.info("Decision signing key loaded from {}", keyFile != null ? keyFile : ENVIRONMENT_VARIABLE);
        return key;
    }

    private static DecisionSigningKey fromFile(Path keyFile) {
        if (!Files.isRegularFile(keyFile)) {
            throw new SigningKeyException("signing key file " + keyFile + " does not exist or is not a file");
        }
        try {
            return DecisionSigningKey.parse(
                    Files.readString(keyFile, StandardCharsets.UTF_8), "signing key file " + keyFile);
        } catch (IOException e) {
            throw new SigningKeyException("signing key file " + keyFile + " cannot be read: " + e.getMessage());
        }
    }

    private static DecisionSigningKey fromEnvironment(Environment environment) {
        String content = environment.getProperty(ENVIRONMENT_VARIABLE);
        if (content == null || content.isBlank()) {
            throw new SigningKeyException("no decision signing key: set hrm.consent.signing-key-file to a key file, "
                    + "or the environment variable " + ENVIRONMENT_VARIABLE + " to its line "
                    + "(DecisionSigningKey.generateKeyFileContent() makes one)");
        }
        return DecisionSigningKey.parse(content, ENVIRONMENT_VARIABLE);
    }
}
