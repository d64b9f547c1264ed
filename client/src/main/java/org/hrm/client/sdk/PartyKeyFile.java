package org.hrm.client.sdk;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON keystore file of one party: {@code {"partyId": ..., "publicKey": base64, "privateKey": base64}}.
 *
 * <p>This form holds the private key in clear and relies on file permissions (owner read/write only where the file
 * system supports POSIX permissions). A passphrase-encrypted form, as DESIGN.md asks for patient key files, is still
 * to come; it will be a new file format, so this one stays readable.
 */
public final class PartyKeyFile {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PartyKeyFile() {}

    /** Writes the keys to {@code file} atomically, replacing any previous file. */
    public static void save(PartyKeys keys, Path file) throws IOException {
        byte[] privateKey = keys.privateKey();
        try {
            Base64.Encoder base64 = Base64.getEncoder();
            Json json = new Json(
                    keys.partyId(), base64.encodeToString(keys.publicKey()), base64.encodeToString(privateKey));
            writeAtomically(file, MAPPER.writeValueAsBytes(json));
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    /** Reads and checks a key file: the public key must belong to the private key. */
    public static PartyKeys load(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        byte[] privateKey = null;
        try {
            // The parser's messages may quote the file, private key included: never pass them on.
            Json json = required(MAPPER.readValue(content, Json.class));
            privateKey = Base64.getDecoder().decode(required(json.privateKey()));
            byte[] publicKey = Base64.getDecoder().decode(required(json.publicKey()));
            return PartyKeys.of(json.partyId(), publicKey, privateKey);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IOException("invalid party key file " + file
                    + " (malformed JSON, bad base64, or a public key that does not match the private key)");
        } finally {
            Arrays.fill(content, (byte) 0);
            if (privateKey != null) {
                Arrays.fill(privateKey, (byte) 0);
            }
        }
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path temp = createOwnerOnlyTempFile(file.toAbsolutePath().getParent());
        try {
            Files.write(temp, content);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Arrays.fill(content, (byte) 0);
            Files.deleteIfExists(temp);
        }
    }

    private static <T> T required(T value) {
        if (value == null) {
            throw new IllegalArgumentException("missing field");
        }
        return value;
    }

    private static Path createOwnerOnlyTempFile(Path directory) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(
                    directory,
                    ".party-keys",
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(directory, ".party-keys", ".tmp");
    }

    private record Json(String partyId, String publicKey, String privateKey) {}
}
