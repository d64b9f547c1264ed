package org.hrm.keyvault;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Master key retirement with the sandbox's key file: the operator appends a version; RETIRE rewrites the file. */
class MasterKeyRetirementIT extends MasterKeyRetirementScenario {
    private static MongoServer mongo;
    private static final Path KEY_FILE = keyFile();

    @DynamicPropertySource
    static void keyFileCustody(DynamicPropertyRegistry registry) {
        mongo = mongo(registry);
        registry.add("hrm.vault.master-key-file", KEY_FILE::toString);
    }

    @AfterAll
    static void stopMongo() {
        mongo.shutdownNow();
    }

    @Override
    void prepareVersion(int version) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(
                KEY_FILE,
                "v" + version + "=" + Base64.getEncoder().encodeToString(key) + "\n",
                StandardOpenOption.APPEND);
    }

    @Override
    void assertDestroyed(int version) throws IOException {
        assertThat(Files.readString(KEY_FILE))
                .doesNotContain("v" + version + "=")
                .contains("v" + (version + 1) + "=")
                .contains("pseudonym=");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(KEY_FILE)))
                .isEqualTo("rw-------");
    }

    private static Path keyFile() {
        try {
            Path file = Files.createTempFile("hrm-master", ".keys");
            file.toFile().deleteOnExit();
            Files.writeString(file, MasterKeyRing.generateKeyFileContent());
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
