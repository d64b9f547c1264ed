package org.hrm.keyvault.domain;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * A record as the chain holds it (its RecordStored log, or its RecordInCalldata log's payload in the transaction's
 * input): C2 and the key shares under reader pseudonyms.
 */
public record LedgerEntry(byte[] outerCiphertext, List<SealedReaderShare> shares) {
    public LedgerEntry {
        shares = List.copyOf(shares);
    }

    /** The share wrapped to the reader with this pseudonym, if the record was wrapped to them at creation. */
    public Optional<byte[]> shareFor(byte[] readerPseudonym) {
        return shares.stream()
                .filter(share -> MessageDigest.isEqual(share.readerPseudonym(), readerPseudonym))
                .map(SealedReaderShare::share)
                .findFirst();
    }
}
