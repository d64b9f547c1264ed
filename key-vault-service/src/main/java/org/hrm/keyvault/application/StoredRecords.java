package org.hrm.keyvault.application;

import java.util.Map;
import java.util.Set;
import org.hrm.keyvault.domain.LedgerEntry;

/**
 * The ledger entries (RecordStored or RecordInCalldata) of a batch of records, read from the chain at once: the readable ones by record id, and
 * the ids whose log does not decode. A record in neither is not on chain.
 */
public record StoredRecords(Map<String, LedgerEntry> entries, Set<String> unreadable) {
    public StoredRecords {
        entries = Map.copyOf(entries);
        unreadable = Set.copyOf(unreadable);
    }
}
