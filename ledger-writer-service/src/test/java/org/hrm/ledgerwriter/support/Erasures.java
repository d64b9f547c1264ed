package org.hrm.ledgerwriter.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.DestroyedKey;
import org.hrm.contracts.events.ErasedRecord;
import org.hrm.contracts.events.KeysDestroyed;

/** KeysDestroyed built by hand, the way the key vault publishes them: one pseudonym per owner, signed by the vault. */
public final class Erasures {
    private Erasures() {}

    /** An owner's erasure of {@code records} new record ids. */
    public static KeysDestroyed destroyed(Domain domain, int records) {
        List<String> recordIds = IntStream.range(0, records)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        return destroyed(domain, "owner-" + UUID.randomUUID(), Records.bytes(32), recordIds);
    }

    public static KeysDestroyed destroyed(Domain domain, String ownerId, byte[] pseudonym, List<String> recordIds) {
        return new KeysDestroyed(
                        UUID.randomUUID().toString(),
                        domain,
                        ownerId,
                        recordIds.isEmpty(),
                        recordIds.stream()
                                .map(id -> new ErasedRecord(id, pseudonym))
                                .toList(),
                        recordIds.stream()
                                .map(id ->
                                        new DestroyedKey("K2", UUID.randomUUID().toString(), id, 0))
                                .toList(),
                        Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        null)
                .signedBy(TestAuthority.VAULT);
    }

    /** Another request of the same owner for these records (e.g. all records after one was erased alone). */
    public static KeysDestroyed again(KeysDestroyed earlier, List<String> recordIds) {
        return destroyed(
                earlier.domain(), earlier.ownerId(), earlier.records().get(0).ownerPseudonym(), recordIds);
    }

    public static List<String> recordIds(KeysDestroyed destroyed) {
        return destroyed.records().stream().map(ErasedRecord::recordId).toList();
    }
}
