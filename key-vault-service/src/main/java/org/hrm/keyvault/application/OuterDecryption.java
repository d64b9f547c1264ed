package org.hrm.keyvault.application;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.contracts.Domain;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.OuterLayer;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.SealingRule;
import org.hrm.keyvault.domain.StoredOwnerKeys;
import org.hrm.keyvault.domain.WrappedOwnerKey;
import org.hrm.keyvault.domain.WrappedRecordKey;

/**
 * Use case: remove the outer layer of a sealed record (C2 back to C1), unwrapping KEK then K2 from the record's
 * own domain only. Access decisions are the caller's; keys are zeroed before returning.
 */
public final class OuterDecryption {
    private final RecordKeyStore recordKeys;
    private final OwnerKeyStore ownerKeys;
    private final KeyHierarchy hierarchy;
    private final OuterLayer outerLayer;

    public OuterDecryption(
            RecordKeyStore recordKeys, OwnerKeyStore ownerKeys, KeyHierarchy hierarchy, OuterLayer outerLayer) {
        this.recordKeys = recordKeys;
        this.ownerKeys = ownerKeys;
        this.hierarchy = hierarchy;
        this.outerLayer = outerLayer;
    }

    /**
     * Returns C1, or throws {@link RecordKeyNotFoundException} (no key in this domain, or erased) or
     * {@link org.hrm.keyvault.domain.CiphertextRejectedException} (C2 altered or from another record or domain).
     */
    public byte[] removeOuterLayer(Domain domain, String recordId, byte[] c2) {
        return removeOuterLayer(keysOf(VaultDomains.of(domain), List.of(recordId)), recordId, c2);
    }

    /**
     * The wrapped keys of a batch of records and of their owners, read in two queries: the release path removes many
     * outer layers per batch. They stay wrapped; each removal unwraps and zeroes its own.
     */
    public WrappedKeys keysOf(RecordDomain domain, Collection<String> recordIds) {
        Map<String, WrappedRecordKey> recordKeyMap = recordKeys.findAll(domain, recordIds);
        Set<String> owners = new HashSet<>();
        recordKeyMap.values().forEach(key -> owners.add(key.ownerId()));
        Map<String, StoredOwnerKeys> ownerKeyMap =
                owners.isEmpty() ? Map.of() : ownerKeys.findWithPending(domain, owners);
        return new WrappedKeys(domain, recordKeyMap, ownerKeyMap);
    }

    /** Wrapped record keys and owner keys of one domain, as {@link #keysOf} read them. */
    public record WrappedKeys(
            RecordDomain domain, Map<String, WrappedRecordKey> recordKeys, Map<String, StoredOwnerKeys> owners) {}

    /** As {@link #removeOuterLayer(Domain, String, byte[])}, with keys read beforehand by {@link #keysOf}. */
    public byte[] removeOuterLayer(WrappedKeys keys, String recordId, byte[] c2) {
        RecordDomain vaultDomain = keys.domain();
        WrappedRecordKey key = recordKey(keys, recordId);
        byte[] kek = hierarchy.unwrapOwnerKey(vaultDomain, ownerKey(keys, key));
        byte[] k2 = null;
        try {
            k2 = hierarchy.unwrapRecordKey(kek, vaultDomain, key.ownerId(), recordId, key.wrappedK2());
            return outerLayer.open(k2, recordId, vaultDomain, c2);
        } finally {
            Arrays.fill(kek, (byte) 0);
            if (k2 != null) {
                Arrays.fill(k2, (byte) 0);
            }
        }
    }

    private static WrappedRecordKey recordKey(WrappedKeys keys, String recordId) {
        WrappedRecordKey key = keys.recordKeys().get(recordId);
        if (key == null) {
            throw new RecordKeyNotFoundException("no key for record " + recordId + " in domain "
                    + VaultDomains.toContract(keys.domain()).id());
        }
        return key;
    }

    /**
     * The owner's KEK that wrapped this record's K2, the current one or the one staged while the owner is re-keyed
     * (whichever the record key names); gone or replaced means the record was erased.
     */
    private static WrappedOwnerKey ownerKey(WrappedKeys keys, WrappedRecordKey key) {
        StoredOwnerKeys owner = keys.owners().get(key.ownerId());
        if (owner == null) {
            throw new RecordKeyNotFoundException(SealingRule.keysDestroyed(key.recordId()));
        }
        return owner.named(key.kekId())
                .orElseThrow(() -> new RecordKeyNotFoundException(SealingRule.keysDestroyed(key.recordId())));
    }
}
