package org.hrm.keyvault.config;

import org.hrm.keyvault.domain.MasterKeyRingException;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses the master key file outside the sandbox. A key file (or the environment variable) puts every master key
 * version in this process's memory and in whatever holds the file (a Secret, etcd and its backups, a host file): a
 * retired version survives there, so a database backup plus that copy reopens erased records.
 */
final class KeyFileGuard {
    static final String SANDBOX_PROFILE = "sandbox";

    private KeyFileGuard() {}

    static void requireSandbox(KeyVaultProperties properties, Environment environment) {
        if (properties.sandbox() || environment.acceptsProfiles(Profiles.of(SANDBOX_PROFILE))) {
            return;
        }
        throw new MasterKeyRingException("the master key file (hrm.vault.master-key-file or "
                + MasterKeySource.ENVIRONMENT_VARIABLE + ") is the sandbox's zero-install stand-in for an HSM and is "
                + "refused outside the sandbox: put the master keys in a PKCS#11 token (hrm.vault.pkcs11.library, "
                + "hrm.vault.pkcs11.pin-file, hrm.vault.pkcs11.slot; see docs/custody.md), or, for a sandbox, set "
                + "hrm.vault.sandbox=true or activate the profile '" + SANDBOX_PROFILE + "'");
    }
}
