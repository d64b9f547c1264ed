package org.hrm.keyvault.adapter.pkcs11;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import org.hrm.embedded.SoftHsm;
import org.hrm.testsupport.Requirements;

/**
 * The SoftHSM2 token of this test JVM, initialised once in a fresh directory under {@code target/} (SoftHSM2 reads
 * its configuration once per process). Without SoftHSM2 the PKCS#11 tests are skipped with the reason printed; under
 * CI ({@code CI=true}) they fail instead, since CI installs it.
 */
public final class SoftHsmTokens {
    private static SoftHsm.Token token;

    private SoftHsmTokens() {}

    /** The token, or a skip (a failure under CI) saying why there is none. */
    public static synchronized SoftHsm.Token shared() {
        Requirements.requireNoReason(SoftHsm.unavailable(), "PKCS#11 tests");
        if (token == null) {
            try {
                Path directory = Files.createTempDirectory(Path.of("target"), "softhsm-");
                token = SoftHsm.initialise(directory, "hrm-vault-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return token;
    }

    /** The token's objects as listed now, through a key store of its own (as another process would see them). */
    public static KeyStore reloadedKeyStore() throws Exception {
        Pkcs11Token token = vaultToken();
        KeyStore keyStore = KeyStore.getInstance("PKCS11", token.provider());
        keyStore.load(null, token.pin());
        return keyStore;
    }

    /** The vault's view of the shared token. */
    public static Pkcs11Token vaultToken() {
        SoftHsm.Token shared = shared();
        return new Pkcs11Token(shared.library().toString(), null, 0, shared.pinFile());
    }
}
