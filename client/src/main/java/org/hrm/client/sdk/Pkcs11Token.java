package org.hrm.client.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;

/**
 * Where a party's PKCS#11 key is: the token's library, the slot, and the user PIN read from a file (a mounted secret; never a
 * command line or an environment variable).
 *
 * @param library path of the token's PKCS#11 library, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
 * @param slot the slot id, or null to pick by {@code slotListIndex} (SunPKCS11 selects by slot, not by token label)
 * @param slotListIndex index in the library's list of slots with a token, used when {@code slot} is null
 * @param pinFile file holding the user PIN (one line)
 */
public record Pkcs11Token(String library, Long slot, int slotListIndex, Path pinFile) {
    private static final String TEMPLATES = "attributes(*, CKO_PRIVATE_KEY, *) = {\n"
            + "  CKA_SENSITIVE = true\n"
            + "  CKA_EXTRACTABLE = false\n"
            + "  CKA_SIGN = true\n"
            + "  CKA_DERIVE = true\n"
            + "}\n"
            // The ECDH result is the per-message DH value HPKE's KDF needs in software: readable by design.
            + "attributes(*, CKO_SECRET_KEY, CKK_GENERIC_SECRET) = {\n"
            + "  CKA_SENSITIVE = false\n"
            + "  CKA_EXTRACTABLE = true\n"
            + "}\n";

    public Pkcs11Token {
        if (library == null || library.isBlank()) {
            throw new IllegalArgumentException("the PKCS#11 library path is not set");
        }
        if (pinFile == null) {
            throw new IllegalArgumentException("the PKCS#11 PIN file is not set");
        }
    }

    /**
     * The SunPKCS11 configuration: the slot, and the templates that make a private key generated through it
     * (e.g. by {@code keytool -genkeypair -storetype PKCS11}) sensitive, not extractable, and able to sign and
     * derive (ECDH).
     */
    public String configuration() {
        return "name = hrm-party\n"
                + "library = " + library + "\n"
                + (slot != null ? "slot = " + slot : "slotListIndex = " + slotListIndex) + "\n"
                + TEMPLATES;
    }

    /** The PIN; the caller zeroes it once logged in. */
    char[] pin() {
        try {
            String content = Files.readString(pinFile, StandardCharsets.UTF_8).strip();
            if (content.isEmpty()) {
                throw new IllegalStateException("PIN file " + pinFile + " is empty");
            }
            return content.toCharArray();
        } catch (IOException e) {
            throw new IllegalStateException("PIN file " + pinFile + " cannot be read: " + e.getMessage());
        }
    }

    /** A SunPKCS11 provider for this token (not registered globally: the key uses it by reference). */
    Provider provider() {
        if (!Files.isReadable(Path.of(library))) {
            throw new IllegalStateException("PKCS#11 library " + library + " does not exist or is not readable");
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("this JDK has no SunPKCS11 provider");
        }
        try {
            return base.configure("--" + configuration());
        } catch (ProviderException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "cannot open PKCS#11 library " + library + ": " + Pkcs11Keys.rootMessage(e));
        }
    }
}
