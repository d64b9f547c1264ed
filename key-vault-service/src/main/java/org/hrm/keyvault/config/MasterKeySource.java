package org.hrm.keyvault.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.hrm.keyvault.domain.MasterKeyRingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;

/** Reads the master key ring from the key file or the environment, never the database; fails fast with the cause. */
final class MasterKeySource {
    static final String ENVIRONMENT_VARIABLE = "HRM_VAULT_MASTER_KEYS";

    private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);

    private MasterKeySource() {}

    static MasterKeyRing load(Path keyFile, Environment environment) {
        MasterKeyRing ring = read(keyFile, environment);
        log.info("Master key ring loaded from {}: {}", keyFile != null ? keyFile : ENVIRONMENT_VARIABLE, ring);
        return ring;
    }

    /** As {@link #load}, without the log line: the ring re-reads its source on rotation and before new wraps. */
    static MasterKeyRing read(Path keyFile, Environment environment) {
        return keyFile != null ? fromFile(keyFile) : fromEnvironment(environment);
    }

    private static MasterKeyRing fromFile(Path keyFile) {
        if (!Files.isRegularFile(keyFile)) {
            throw new MasterKeyRingException("master key file " + keyFile + " does not exist or is not a file");
        }
        try {
            return MasterKeyRing.parse(Files.readString(keyFile, StandardCharsets.UTF_8), "master key file " + keyFile);
        } catch (IOException e) {
            throw new MasterKeyRingException("master key file " + keyFile + " cannot be read: " + e.getMessage());
        }
    }

    private static MasterKeyRing fromEnvironment(Environment environment) {
        String content = environment.getProperty(ENVIRONMENT_VARIABLE);
        if (content == null || content.isBlank()) {
            throw new MasterKeyRingException("no master key: set hrm.vault.master-key-file to a key file, or the "
                    + "environment variable " + ENVIRONMENT_VARIABLE + " to its entries separated by ';' "
                    + "(MasterKeyRing.generateKeyFileContent() makes one)");
        }
        return MasterKeyRing.parse(content, ENVIRONMENT_VARIABLE);
    }
}
