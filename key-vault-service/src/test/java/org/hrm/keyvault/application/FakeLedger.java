package org.hrm.keyvault.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hrm.keyvault.domain.LedgerEntry;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.SealedRecord;

/** The chain port in memory: records, grant shares and revocations per domain, and which domains were read. */
final class FakeLedger implements LedgerReader {
    private final Map<String, LedgerEntry> records = new HashMap<>();
    private final Map<String, List<byte[]>> grantShares = new HashMap<>();
    private final Set<String> revoked = new HashSet<>();
    final List<RecordDomain> domainsRead = new ArrayList<>();
    final List<String> grantLookups = new ArrayList<>();
    final Set<String> unreadable = new HashSet<>();
    int batchReads;
    RuntimeException down;

    void store(SealedRecord sealed) {
        records.put(
                key(sealed.domain(), sealed.recordId()), new LedgerEntry(sealed.outerCiphertext(), sealed.shares()));
    }

    void grant(RecordDomain domain, String grantId, String recordId, byte[] share) {
        grantShares
                .computeIfAbsent(key(domain, grantId + "/" + recordId), k -> new ArrayList<>())
                .add(share);
    }

    void revoke(RecordDomain domain, String grantId) {
        revoked.add(key(domain, grantId));
    }

    @Override
    public Optional<LedgerEntry> storedRecord(RecordDomain domain, String recordId) {
        read(domain);
        if (unreadable.contains(recordId)) {
            throw new UnreadableLedgerEntryException("RecordStored of " + recordId + " does not decode", null);
        }
        return Optional.ofNullable(records.get(key(domain, recordId)));
    }

    @Override
    public StoredRecords storedRecords(RecordDomain domain, Collection<String> recordIds) {
        batchReads++;
        return LedgerReader.super.storedRecords(domain, recordIds);
    }

    @Override
    public Optional<byte[]> grantedShare(RecordDomain domain, String grantId, String recordId) {
        read(domain);
        grantLookups.add(grantId);
        List<byte[]> shares = grantShares.getOrDefault(key(domain, grantId + "/" + recordId), List.of());
        return shares.isEmpty() ? Optional.empty() : Optional.of(shares.get(shares.size() - 1));
    }

    @Override
    public boolean grantRevoked(RecordDomain domain, String grantId) {
        read(domain);
        return revoked.contains(key(domain, grantId));
    }

    private void read(RecordDomain domain) {
        if (down != null) {
            throw down;
        }
        domainsRead.add(domain);
    }

    private static String key(RecordDomain domain, String id) {
        return domain + "/" + id;
    }
}
