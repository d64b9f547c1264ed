package org.hrm.keyvault.domain;

import java.util.List;

/**
 * The provenance of the submission the vault sealed, kept with the record's wrapped K2 (and destroyed with it) so every
 * release can hand it to the reader: the author, every reader's share in the signed order, the author's signature over
 * them and C1, and the category. Never C1. The vault is not trusted for it: the signature covers SHA-256 of C1, so a
 * reader rejects the provenance of any other record.
 *
 * @param category the submission's category (not signed), or null
 */
public record SealedProvenance(String authorId, List<ReaderShare> shares, byte[] authorSignature, String category) {
    public SealedProvenance {
        shares = List.copyOf(shares);
    }
}
