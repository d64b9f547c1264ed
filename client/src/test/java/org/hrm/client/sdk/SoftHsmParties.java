package org.hrm.client.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrm.embedded.SoftHsm;
import org.hrm.testsupport.Requirements;

/**
 * The SoftHSM2 token of this test JVM (SoftHSM2 reads its configuration once per process), initialised once under
 * {@code target/}, and party keys generated in it with keytool as an operator would. Without SoftHSM2 the PKCS#11
 * tests are skipped with the reason printed; under CI ({@code CI=true}) they fail instead, since CI installs it.
 */
final class SoftHsmParties {
    private static SoftHsm.Token token;
    private static Path directory;

    private SoftHsmParties() {}

    /** The party's key, generated in the shared token with {@link Pkcs11Token#configuration()}, opened by label. */
    static Pkcs11PartyKey generate(String partyId) {
        Pkcs11Token token = token();
        generateWith(token.configuration(), partyId);
        return Pkcs11PartyKey.open(partyId, token, partyId);
    }

    /** A key generated through {@code configuration} instead (e.g. one that leaves the key readable). */
    static synchronized void generateWith(String configuration, String label) {
        try {
            Path file = Files.createTempFile(directory, "sunpkcs11-", ".cfg");
            Files.writeString(file, configuration, StandardCharsets.UTF_8);
            SoftHsm.generateP256Key(token, file, label);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared token as the SDK reaches it, or a skip (a failure under CI) saying why there is none. */
    static synchronized Pkcs11Token token() {
        Requirements.requireNoReason(SoftHsm.unavailable(), "PKCS#11 key tests");
        if (token == null) {
            try {
                Files.createDirectories(Path.of("target"));
                directory = Files.createTempDirectory(Path.of("target"), "softhsm-");
                token = SoftHsm.initialise(directory, "hrm-party-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Pkcs11Token(token.library().toString(), null, 0, token.pinFile());
    }
}
