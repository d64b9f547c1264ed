package org.hrm.keyvault.application;

import org.hrm.keyvault.domain.MasterKeyRing;

/**
 * Port: the sandbox's key file (or environment variable) behind {@link KeyFileCustody}; read on rotation, rewritten
 * on retirement. Production custody is a PKCS#11 token, which needs no such storage.
 */
public interface MasterKeyStorage {
    /** The ring as stored now, e.g. with a version the operator just appended. */
    MasterKeyRing read();

    /**
     * Rewrites the storage without {@code v<version>}, atomically; nothing happens if it holds no such entry.
     * Throws {@link org.hrm.keyvault.domain.MasterKeyRingException} if the storage cannot be rewritten.
     */
    void removeVersion(int version);
}
