package org.hrm.keyvault.domain;

import java.util.Objects;

/**
 * Signs the vault's authority events (RecordSealed, KeysDestroyed) with the vault's one published key, the key that
 * signs erasure receipts.
 *
 * <p>Why one key for receipts and events: all three are the vault's word about the same custody, and whoever checks
 * them (ledger writer, consent-service, an owner holding a receipt) then pins one published key. The signed bytes of
 * each start with their own type label ({@code hrm/record-sealed/v2}, {@code hrm/keys-destroyed/v2}, the receipt's),
 * so a signature over one can never be presented as another.
 */
public final class EventSigner {
    private final ReceiptSigningKey key;

    public EventSigner(ReceiptSigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public byte[] sign(byte[] signedBytes) {
        return key.sign(signedBytes);
    }

    public String publicKeyBase64() {
        return key.publicKeyBase64();
    }

    @Override
    public String toString() {
        return "EventSigner[" + key + "]";
    }
}
