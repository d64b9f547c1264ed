package org.hrm.keyvault.adapter.pkcs11;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import org.hrm.keyvault.domain.MasterKeyRingException;

/**
 * How the vault reaches its token: the PKCS#11 library of the HSM vendor or cloud KMS, the slot, and the user PIN
 * read from a file (a mounted secret), never from a command line or an environment variable.
 *
 * <p>The SunPKCS11 configuration is built here, not taken from the operator, because it carries the attribute
 * template that makes every secret key the vault generates {@code CKA_SENSITIVE} and not {@code CKA_EXTRACTABLE}:
 * its value can then neither be read nor wrapped out of the token, even by someone holding the PIN.
 *
 * @param library path of the PKCS#11 library, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
 * @param slot the slot id, or null to pick by {@code slotListIndex}
 * @param slotListIndex index in the library's list of slots with a token, used when {@code slot} is null
 * @param pinFile file holding the user PIN (one line)
 */
public record Pkcs11Token(String library, Long slot, int slotListIndex, Path pinFile) {
    private static final String SECRET_KEY_TEMPLATE = "attributes(*, CKO_SECRET_KEY, *) = {\n"
            + "  CKA_SENSITIVE = true\n"
            + "  CKA_EXTRACTABLE = false\n"
            + "}\n";

    public Pkcs11Token {
        if (library == null || library.isBlank()) {
            throw new MasterKeyRingException("hrm.vault.pkcs11.library is not set: the path of the token's PKCS#11 "
                    + "library, e.g. /usr/lib/softhsm/libsofthsm2.so");
        }
        if (pinFile == null) {
            throw new MasterKeyRingException("hrm.vault.pkcs11.pin-file is not set: a file holding the token's user "
                    + "PIN (mount it from a secret; never put the PIN on a command line)");
        }
    }

    /** A SunPKCS11 provider for this token (not registered globally: the vault asks it by reference). */
    Provider provider() {
        if (!Files.isReadable(Path.of(library))) {
            throw new MasterKeyRingException("PKCS#11 library " + library + " does not exist or is not readable");
        }
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new MasterKeyRingException("this JDK has no SunPKCS11 provider");
        }
        try {
            return base.configure("--" + configuration());
        } catch (ProviderException | IllegalArgumentException e) {
            throw new MasterKeyRingException("cannot open PKCS#11 library " + library + " at "
                    + (slot != null ? "slot " + slot : "slot list index " + slotListIndex) + ": " + rootMessage(e));
        }
    }

    String configuration() {
        return "name = hrm-vault\n"
                + "library = " + library + "\n"
                + (slot != null ? "slot = " + slot : "slotListIndex = " + slotListIndex) + "\n"
                + SECRET_KEY_TEMPLATE;
    }

    /** The PIN; the caller keeps it only as long as it needs it. */
    char[] pin() {
        try {
            String content = Files.readString(pinFile, StandardCharsets.UTF_8).strip();
            if (content.isEmpty()) {
                throw new MasterKeyRingException("PIN file " + pinFile + " is empty");
            }
            return content.toCharArray();
        } catch (IOException e) {
            throw new MasterKeyRingException("PIN file " + pinFile + " cannot be read: " + e.getMessage());
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() != null ? " " + root.getMessage() : "");
    }
}
