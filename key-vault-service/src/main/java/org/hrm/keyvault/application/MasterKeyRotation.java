package org.hrm.keyvault.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.hrm.contracts.events.VaultProgress;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedOwnerKey;

/**
 * Use case: master key versions. ROTATE takes the versions the operator appended to the key file and re-wraps
 * every owner KEK of both domains that is under an older one under the newest; RETIRE drops an old version from
 * the key file and from memory once nothing is wrapped under it, so every copy of the database (backups included)
 * made while a KEK was under that version can no longer unwrap it.
 *
 * <p>Both are idempotent and safe to rerun after a crash: a re-wrap is a single-document update conditional on the
 * KEK and version it read, and a rerun finds only what is still under an old version. A failure ends in FAILED
 * with the reason; nothing is half-retired (the key file is rewritten first, atomically).
 *
 * <p>Operator procedure: append {@code v<N+1>=<base64 of 32 random bytes>} to the key file; send ROTATE and wait
 * for DONE; send RETIRE of the old version and wait for DONE (it is refused, FAILED, while anything is still
 * wrapped under it); restart any other vault instance so no process keeps the retired version in memory.
 */
public final class MasterKeyRotation {
    public static final String ROTATE = "ROTATE";
    public static final String RETIRE = "RETIRE";

    private final MasterKeyRing ring;
    private final MasterKeyStorage storage;
    private final KeyHierarchy hierarchy;
    private final OwnerKeyVersions ownerKeys;
    private final int batchSize;
    private final Clock clock;

    public MasterKeyRotation(
            MasterKeyRing ring,
            MasterKeyStorage storage,
            KeyHierarchy hierarchy,
            OwnerKeyVersions ownerKeys,
            int batchSize,
            Clock clock) {
        this.ring = ring;
        this.storage = storage;
        this.hierarchy = hierarchy;
        this.ownerKeys = ownerKeys;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    public VaultProgress rotate(Consumer<VaultProgress> progress) {
        return rotate(UUID.randomUUID().toString(), progress);
    }

    /** Re-wraps under the newest version, reporting RUNNING every batch, then DONE or FAILED (also returned). */
    public VaultProgress rotate(String commandId, Consumer<VaultProgress> progress) {
        ProgressReport report = new ProgressReport(commandId, ROTATE, progress, clock);
        try {
            int added = ring.adopt(storage.read());
            int newest = ring.currentVersion();
            report.total(count(domain -> ownerKeys.countWrappedBefore(domain, newest)));
            report.running("re-wrapping owner keys under master key v" + newest + " (" + added + " new version(s))");
            for (RecordDomain domain : RecordDomain.values()) {
                rewrap(domain, newest, report);
            }
            return report.done("every owner key is wrapped under master key v" + newest);
        } catch (RuntimeException e) {
            return report.failed(reason(e));
        }
    }

    public VaultProgress retire(int version) {
        return retire(UUID.randomUUID().toString(), version);
    }

    /** Retires {@code version}, or refuses (FAILED) while any owner KEK is still wrapped under it. */
    public VaultProgress retire(String commandId, int version) {
        ProgressReport report = new ProgressReport(commandId, RETIRE, progress -> {}, clock);
        try {
            ring.adopt(storage.read());
            int newest = ring.currentVersion();
            if (version >= newest) {
                return report.failed("master key v" + version + " is not older than the newest version v" + newest
                        + ": append a newer version to the key file and ROTATE first");
            }
            if (!ring.hasVersion(version)) {
                return report.done("master key v" + version + " is in neither the key file nor memory: retired");
            }
            long remaining = count(domain -> ownerKeys.countWrappedUnder(domain, version));
            report.total(remaining);
            if (remaining > 0) {
                return report.failed("master key v" + version + " still wraps " + remaining + " keys: ROTATE first");
            }
            // The file first: a crash after it leaves a vault that restarts without the version.
            storage.removeVersion(version);
            ring.retire(version);
            return report.done("master key v" + version + " retired: removed from the key file and from memory");
        } catch (RuntimeException e) {
            return report.failed(reason(e));
        }
    }

    private void rewrap(RecordDomain domain, int newest, ProgressReport report) {
        String after = "";
        List<WrappedOwnerKey> page;
        while (!(page = ownerKeys.wrappedBefore(domain, newest, after, batchSize)).isEmpty()) {
            for (WrappedOwnerKey stored : page) {
                // Conditional on the KEK and version read: one erased or re-wrapped meanwhile is left alone.
                if (ownerKeys.replace(domain, stored, hierarchy.rewrapOwnerKey(domain, stored))) {
                    report.add(1);
                }
                after = stored.ownerId();
            }
            report.running("re-wrapped " + report.done() + " owner keys under master key v" + newest);
        }
    }

    private static long count(ToLongFunction<RecordDomain> perDomain) {
        long total = 0;
        for (RecordDomain domain : RecordDomain.values()) {
            total += perDomain.applyAsLong(domain);
        }
        return total;
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
