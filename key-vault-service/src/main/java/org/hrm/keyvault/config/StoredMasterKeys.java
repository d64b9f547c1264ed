package org.hrm.keyvault.config;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import org.hrm.keyvault.application.MasterKeyStorage;
import org.hrm.keyvault.domain.KeyFileEdit;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.hrm.keyvault.domain.MasterKeyRingException;
import org.springframework.core.env.Environment;

/**
 * The master keys where the vault reads them (key file, or the environment variable), rewritten on retirement:
 * the new content goes to a temporary file in the same directory, readable by the vault's user only (rw-------),
 * forced to disk and renamed over the key file, so the file is always either the old or the new whole.
 *
 * <p>The sandbox's storage only (production keeps the keys in a PKCS#11 token). The old file's blocks are not
 * overwritten (on SSDs and copy-on-write file systems they cannot be, reliably), and a read-only mount cannot be
 * rewritten at all: a retired version may survive here, which is why the key file is refused outside the sandbox.
 */
final class StoredMasterKeys implements MasterKeyStorage {
    private static final String OWNER_ONLY = "rw-------";

    private final Path keyFile;
    private final Environment environment;

    StoredMasterKeys(Path keyFile, Environment environment) {
        this.keyFile = keyFile;
        this.environment = environment;
    }

    @Override
    public MasterKeyRing read() {
        return MasterKeySource.read(keyFile, environment);
    }

    @Override
    public void removeVersion(int version) {
        if (keyFile == null) {
            throw new MasterKeyRingException("the master keys come from " + MasterKeySource.ENVIRONMENT_VARIABLE
                    + ", which the vault cannot rewrite: set hrm.vault.master-key-file to retire a version");
        }
        try {
            String content = Files.readString(keyFile, StandardCharsets.UTF_8);
            String rewritten = KeyFileEdit.withoutVersion(content, version);
            if (!rewritten.equals(content)) {
                // Parsed before it replaces the file: a rewrite never leaves a ring the vault cannot start with.
                MasterKeyRing.parse(rewritten, "master key file " + keyFile + " without v" + version);
                replace(rewritten);
            }
        } catch (IOException e) {
            throw new MasterKeyRingException("master key file " + keyFile + " cannot be rewritten: "
                    + e.getClass().getSimpleName() + " " + e.getMessage()
                    + " (retiring a version needs a writable directory; a PKCS#11 token needs none)");
        }
    }

    private void replace(String content) throws IOException {
        Path directory = keyFile.toAbsolutePath().getParent();
        Path temporary = posix(directory)
                ? Files.createTempFile(
                        directory,
                        ".hrm-master",
                        ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(OWNER_ONLY)))
                : Files.createTempFile(directory, ".hrm-master", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(StandardCharsets.UTF_8.encode(content));
                channel.force(true);
            }
            Files.move(temporary, keyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean posix(Path directory) {
        return Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null;
    }

    /** Makes the rename durable where the platform allows opening a directory (Linux does). */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not supported here; the rename itself is atomic, only its durability across a power cut is not.
        }
    }
}
