package org.hrm.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.function.Supplier;
import org.hrm.consent.domain.DecisionSigningKey;
import org.hrm.crypto.P256KeyPair;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.hrm.keyvault.domain.ReceiptSigningKey;

/**
 * The sandbox's key files, created on first use and readable by their owner only; in production
 * they come from a secret store or KMS (deploy/docker/generate-dev-secrets.sh, Kubernetes secrets).
 */
final class SandboxSecrets {
    private final Path home;

    SandboxSecrets(Path home) {
        this.home = home;
    }

    /** The vault's master keys: outside every database. */
    Path masterKeyFile() throws IOException {
        return secretFile("vault-master.keys", MasterKeyRing::generateKeyFileContent);
    }

    /** consent-service's decision-signing key. */
    Path consentKeyFile() throws IOException {
        return secretFile("consent-signing.key", DecisionSigningKey::generateKeyFileContent);
    }

    /** The public half of the decision-signing key, which the vault verifies decisions with. */
    String consentPublicKey() throws IOException {
        return DecisionSigningKey.publicKeyBase64(Files.readString(consentKeyFile()));
    }

    /** The vault's erasure-receipt signing key. */
    Path receiptKeyFile() throws IOException {
        return secretFile("vault-receipt.key", ReceiptSigningKey::generateReceiptKeyFileContent);
    }

    /** The public half of the receipt key, published so owners can check their receipts. */
    String receiptPublicKey() throws IOException {
        return ReceiptSigningKey.receiptPublicKeyBase64(Files.readString(receiptKeyFile()));
    }

    /** The sandbox operator's key, which signs {@code ./hrm vault rotate|retire} (same one-line scalar format). */
    Path operatorKeyFile() throws IOException {
        return secretFile("vault-operator.key", ReceiptSigningKey::generateReceiptKeyFileContent);
    }

    /** The operator's public key, which the vault is configured to trust. */
    String operatorPublicKey() throws IOException {
        return ReceiptSigningKey.receiptPublicKeyBase64(Files.readString(operatorKeyFile()));
    }

    /** The gateway's attestation key: one line, the base64 of its 32-byte P-256 scalar. */
    Path gatewayAttestationKeyFile() throws IOException {
        return secretFile(
                "gateway-attestation.key",
                () -> Base64.getEncoder().encodeToString(P256KeyPair.generate().privateKey()));
    }

    /** The public half of the gateway's attestation key (base64 SEC1), which every consumer of attestations trusts. */
    String gatewayAttestationPublicKey() throws IOException {
        return Base64.getEncoder()
                .encodeToString(P256KeyPair.fromPrivateKey(Base64.getDecoder()
                                .decode(Files.readString(gatewayAttestationKeyFile())
                                        .trim()))
                        .publicKey());
    }

    private Path secretFile(String name, Supplier<String> content) throws IOException {
        Path file = home.resolve(name);
        if (!Files.exists(file)) {
            // Created with its permissions, so the key is never readable by others, not even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content.get());
        }
        return file;
    }
}
