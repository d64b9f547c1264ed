package org.hrm.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.SoftHsm;

/**
 * {@code --hsm}: the vault's master and pseudonym keys in a fresh SoftHSM2 token under the sandbox's home, reached
 * through PKCS#11 as production reaches its HSM, instead of the sandbox's key file.
 */
final class SandboxHsm {
    static final String FLAG = "--hsm";

    private SandboxHsm() {}

    /** The platform tuning that puts the vault's keys in a new token in {@code home}/softhsm, or no change. */
    static Platform.Tuning tuning(boolean requested, Path home) throws IOException {
        if (!requested) {
            return Platform.Tuning.defaults();
        }
        return new Platform.Tuning(AnvilNode.Options.defaults(), vaultProperties(home));
    }

    /** Initialises the token; a clear error when SoftHSM2 is missing. */
    static Map<String, Object> vaultProperties(Path home) throws IOException {
        String unavailable = SoftHsm.unavailable();
        if (unavailable != null) {
            throw new IllegalArgumentException(FLAG + ": " + unavailable);
        }
        SoftHsm.Token token = SoftHsm.initialise(home.resolve("softhsm"), "hrm-vault");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("hrm.vault.master-key-custody", "pkcs11");
        properties.put("hrm.vault.pkcs11.library", token.library().toString());
        properties.put("hrm.vault.pkcs11.pin-file", token.pinFile().toString());
        // A fresh token: the vault generates master key v1 and pseudonym key v1 inside it on first start.
        properties.put("hrm.vault.pkcs11.initialize", "true");
        return properties;
    }
}
