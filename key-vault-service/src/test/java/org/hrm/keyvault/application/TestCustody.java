package org.hrm.keyvault.application;

import java.security.SecureRandom;
import java.util.Base64;
import org.hrm.keyvault.domain.KeyFileEdit;
import org.hrm.keyvault.domain.MasterKeyCustody;
import org.hrm.keyvault.domain.MasterKeyRing;

/** Key-file custodies for tests, over a key file held in memory. */
public final class TestCustody {
    private TestCustody() {}

    public static MasterKeyCustody fresh() {
        return new KeyFile().custody();
    }

    /** A custody over {@code ring}, which no key file backs (rotation finds nothing new). */
    public static MasterKeyCustody of(MasterKeyRing ring) {
        return new KeyFileCustody(ring, new KeyFile(), new SecureRandom());
    }

    /** A key file in memory: the operator appends, retirement rewrites. */
    public static final class KeyFile implements MasterKeyStorage {
        private final SecureRandom random = new SecureRandom();
        private String content = MasterKeyRing.generateKeyFileContent();

        public MasterKeyCustody custody() {
            return new KeyFileCustody(read(), this, random);
        }

        /** Appends {@code v<version>=...}, as an operator does before ROTATE. */
        public void append(int version) {
            appendEntry("v" + version);
        }

        /** Appends {@code pseudonym.v<version>=...}, as an operator does before ROTATE_PSEUDONYM. */
        public void appendPseudonym(int version) {
            appendEntry("pseudonym.v" + version);
        }

        public String content() {
            return content;
        }

        private void appendEntry(String name) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            content += name + "=" + Base64.getEncoder().encodeToString(key) + "\n";
        }

        @Override
        public MasterKeyRing read() {
            return MasterKeyRing.parse(content);
        }

        @Override
        public void removeVersion(int version) {
            content = KeyFileEdit.withoutVersion(content, version);
        }
    }
}
