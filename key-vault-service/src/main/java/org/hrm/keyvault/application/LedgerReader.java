package org.hrm.keyvault.application;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hrm.keyvault.domain.LedgerEntry;
import org.hrm.keyvault.domain.RecordDomain;

/**
 * Port: the ledger as the release path reads it, always on the domain's own contract and never from the vault's
 * database. An unreachable node throws, so the caller retries; a malformed log throws
 * {@link UnreadableLedgerEntryException}.
 */
public interface LedgerReader {
    /**
     * The record's RecordStored log, or its RecordInCalldata log's payload read from its transaction's input and
     * checked against the logged digest (docs/wire-format.md; the first, if the writer ever wrote it twice), or its
     * RecordChunkStored logs put together and checked against their digest (docs/large-records.md); empty when not on
     * chain.
     */
    Optional<LedgerEntry> storedRecord(RecordDomain domain, String recordId);

    /**
     * The entries of many records (the first of each, as {@link #storedRecord}); an adapter reads them in
     * one query, this default one by one.
     */
    default StoredRecords storedRecords(RecordDomain domain, Collection<String> recordIds) {
        Map<String, LedgerEntry> entries = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        for (String recordId : new LinkedHashSet<>(recordIds)) {
            try {
                storedRecord(domain, recordId).ifPresent(entry -> entries.put(recordId, entry));
            } catch (UnreadableLedgerEntryException e) {
                unreadable.add(recordId);
            }
        }
        return new StoredRecords(entries, unreadable);
    }

    /** The share of the latest ShareGranted log for this grant and record, if any. */
    Optional<byte[]> grantedShare(RecordDomain domain, String grantId, String recordId);

    /** Whether a GrantRevoked log for this grant is on chain. */
    boolean grantRevoked(RecordDomain domain, String grantId);
}
