package org.hrm.contracts.events;

import java.time.Instant;
import org.hrm.crypto.Canonical;
import org.hrm.crypto.Ecdsa;
import org.hrm.crypto.P256KeyPair;

/**
 * An operator's command to the key vault: {@code ROTATE} makes a newer master key version current and
 * re-wraps every owner KEK under it; {@code RETIRE} re-wraps what is still under {@code version}, then
 * destroys that version (so backups made under it become useless); {@code ROTATE_PSEUDONYM} makes a
 * newer pseudonym key version name parties in new ledger entries.
 *
 * <p>Who signs: an operator, with its key ({@code operatorSignature} over {@link #signedBytes()}). Who checks: the
 * vault, against the operator keys it is configured to trust, before acting.
 *
 * @param operatorId which operator (and so which trusted operator key) issued the command
 * @param operatorSignature ECDSA P-256/SHA-256 by the operator's key over {@link #signedBytes()}, 64 bytes r||s
 */
public record VaultCommand(
        String commandId, String command, int version, Instant issuedAt, String operatorId, byte[] operatorSignature) {
    /** Every command the vault runs (the event contract lists them too). */
    public static final java.util.List<String> COMMANDS = java.util.List.of("ROTATE", "RETIRE", "ROTATE_PSEUDONYM");

    public VaultCommand {
        Require.recordId(commandId);
        Require.text(command, "command");
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("command must be ROTATE, RETIRE or ROTATE_PSEUDONYM, not " + command);
        }
        Require.present(issuedAt, "issuedAt");
        operatorId = Signatures.optionalText(operatorId);
        Signatures.optional(operatorSignature, "operatorSignature");
    }

    /**
     * Unsigned v1 form: consumers refuse it; remove when every producer signs.
     *
     * @deprecated build the v2 form with {@link #signedBy(String, P256KeyPair)}
     */
    @Deprecated(forRemoval = true)
    public VaultCommand(String commandId, String command, int version, Instant issuedAt) {
        this(commandId, command, version, issuedAt, null, null);
    }

    /** What the operator signs: every field but the signature (the operator id included). */
    public byte[] signedBytes() {
        return Canonical.of("hrm/vault-command/v2")
                .text(commandId)
                .text(command)
                .text(Integer.toString(version))
                .text(issuedAt.toString())
                .optionalText(operatorId)
                .toBytes();
    }

    /** This command issued and signed by operator {@code operatorId} with its key. */
    public VaultCommand signedBy(String operatorId, P256KeyPair operatorKey) {
        Require.text(operatorId, "operatorId");
        VaultCommand named = new VaultCommand(commandId, command, version, issuedAt, operatorId, null);
        return new VaultCommand(
                commandId, command, version, issuedAt, named.operatorId, operatorKey.sign(named.signedBytes()));
    }

    /** Whether the operator signature is present and made by {@code operatorPublicKey}. */
    public boolean signedBy(byte[] operatorPublicKey) {
        return operatorId != null && Ecdsa.verify(operatorPublicKey, signedBytes(), operatorSignature);
    }
}
