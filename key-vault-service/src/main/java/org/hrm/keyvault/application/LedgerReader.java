package org.hrm.keyvault.application;

import java.util.Optional;
import org.hrm.keyvault.domain.LedgerEntry;
import org.hrm.keyvault.domain.RecordDomain;

/**
 * Port: the ledger as the release path reads it, always on the domain's own contract and never from the vault's
 * database. An unreachable node throws, so the caller retries; a malformed log throws
 * {@link UnreadableLedgerEntryException}.
 */
public interface LedgerReader {
    /** The record's RecordStored log (the first, if the writer ever wrote it twice); empty when not on chain. */
    Optional<LedgerEntry> storedRecord(RecordDomain domain, String recordId);

    /** The share of the latest ShareGranted log for this grant and record, if any. */
    Optional<byte[]> grantedShare(RecordDomain domain, String grantId, String recordId);

    /** Whether a GrantRevoked log for this grant is on chain. */
    boolean grantRevoked(RecordDomain domain, String grantId);
}
