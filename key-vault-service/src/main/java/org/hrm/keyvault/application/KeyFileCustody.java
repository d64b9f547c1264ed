package org.hrm.keyvault.application;

import java.security.SecureRandom;
import java.util.NavigableSet;
import org.hrm.keyvault.domain.MasterKeyCustody;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.hrm.keyvault.domain.MasterKeyRingException;

/**
 * The sandbox's custody: the keys of the key file (or the environment variable), held in this process's memory.
 * Rotation adopts what the operator appended to the file; retirement rewrites the file without the version, so it
 * needs a writable directory (production uses PKCS#11, where there is no file to rewrite).
 */
public final class KeyFileCustody implements MasterKeyCustody {
    public static final String KIND = "keyfile";

    private final MasterKeyRing ring;
    private final MasterKeyStorage storage;
    private final SecureRandom random;

    public KeyFileCustody(MasterKeyRing ring, MasterKeyStorage storage, SecureRandom random) {
        this.ring = ring;
        this.storage = storage;
        this.random = random;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int versionForWrapping() {
        return ring.versionForWrapping();
    }

    @Override
    public int currentVersion() {
        return ring.currentVersion();
    }

    @Override
    public NavigableSet<Integer> versions() {
        return ring.versions();
    }

    @Override
    public byte[] wrap(int version, byte[] key, byte[] aad) {
        return ring.wrap(version, key, aad, random);
    }

    @Override
    public byte[] unwrap(int version, byte[] wrapped, byte[] aad, String rejection) {
        return ring.unwrap(version, wrapped, aad, rejection);
    }

    @Override
    public int rotate() {
        return ring.adopt(storage.read());
    }

    @Override
    public void retire(int version) {
        if (version >= ring.currentVersion()) {
            throw new MasterKeyRingException("master key v" + version + " is the newest version and wraps new keys");
        }
        // The file first: a crash after it leaves a vault that restarts without the version.
        storage.removeVersion(version);
        ring.retire(version);
    }

    @Override
    public int currentPseudonymVersion() {
        return ring.currentPseudonymVersion();
    }

    @Override
    public NavigableSet<Integer> pseudonymVersions() {
        return ring.pseudonymVersions();
    }

    @Override
    public byte[] pseudonym(int version, byte[] message) {
        return ring.pseudonym(version, message);
    }

    @Override
    public int rotatePseudonym() {
        int before = ring.currentPseudonymVersion();
        ring.adopt(storage.read());
        int after = ring.currentPseudonymVersion();
        if (after == before) {
            throw new MasterKeyRingException("no newer pseudonym key in the key file: append pseudonym.v" + (before + 1)
                    + "=<base64 of 32 random bytes> first");
        }
        return after;
    }

    @Override
    public String toString() {
        return "key file custody " + ring;
    }
}
