package org.hrm.keyvault.application;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.MasterKeyCustody;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedOwnerKey;

/**
 * Use case: master key and pseudonym key versions. ROTATE makes a newer master key version current (the key file
 * adopts what the operator appended; a PKCS#11 token generates one inside itself) and re-wraps every owner KEK of
 * both domains that is under an older one; RETIRE re-wraps whatever is still under the old version, then destroys
 * it (removed from the key file, or the token object deleted), so every copy of the database (backups included)
 * made while a KEK was under that version can no longer unwrap it. ROTATE_PSEUDONYM makes a newer pseudonym key
 * version name parties in new ledger entries (older versions are kept: see {@link
 * org.hrm.keyvault.domain.Pseudonyms}).
 *
 * <p>All are idempotent and safe to rerun after a crash: a re-wrap is a single-document update conditional on the
 * KEK and version it read, and a rerun finds only what is still under an old version. A failure ends in FAILED
 * with the reason; nothing is half-retired (the version is destroyed only once nothing is wrapped under it).
 *
 * <p>Operator procedure: (key file only: append {@code v<N+1>=<base64 of 32 random bytes>}); send ROTATE and wait
 * for DONE; send RETIRE of the old version and wait for DONE; restart any other vault instance so no process keeps
 * the retired version in memory (with PKCS#11 the token object is gone for every instance at once).
 */
public final class MasterKeyRotation {
    public static final String ROTATE = "ROTATE";
    public static final String RETIRE = "RETIRE";
    public static final String ROTATE_PSEUDONYM = "ROTATE_PSEUDONYM";

    private final MasterKeyCustody custody;
    private final KeyHierarchy hierarchy;
    private final OwnerKeyVersions ownerKeys;
    private final int batchSize;
    private final Clock clock;

    public MasterKeyRotation(
            MasterKeyCustody custody, KeyHierarchy hierarchy, OwnerKeyVersions ownerKeys, int batchSize, Clock clock) {
        this.custody = custody;
        this.hierarchy = hierarchy;
        this.ownerKeys = ownerKeys;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    public CommandProgress rotate(Consumer<CommandProgress> progress) {
        return rotate(UUID.randomUUID().toString(), progress);
    }

    /** Re-wraps under the newest version, reporting RUNNING every batch, then DONE or FAILED (also returned). */
    public CommandProgress rotate(String commandId, Consumer<CommandProgress> progress) {
        ProgressReport report = new ProgressReport(commandId, ROTATE, progress, clock);
        try {
            int added = custody.rotate();
            int newest = custody.currentVersion();
            report.total(count(domain -> ownerKeys.countWrappedBefore(domain, newest)));
            report.running("re-wrapping owner keys under master key v" + newest + " (" + added + " new version(s))");
            rewrapAll(newest, report);
            return report.done("every owner key is wrapped under master key v" + newest);
        } catch (RuntimeException e) {
            return report.failed(reason(e));
        }
    }

    public CommandProgress retire(int version) {
        return retire(UUID.randomUUID().toString(), version);
    }

    /**
     * Re-wraps every owner KEK still under {@code version} (or older) under the newest, then destroys
     * {@code version}; refuses (FAILED) the newest version, and while anything is still wrapped under it.
     */
    public CommandProgress retire(String commandId, int version) {
        ProgressReport report = new ProgressReport(commandId, RETIRE, progress -> {}, clock);
        try {
            int newest = custody.versionForWrapping();
            if (version >= newest) {
                return report.failed("master key v" + version + " is not older than the newest version v" + newest
                        + ": ROTATE first");
            }
            if (!custody.versions().contains(version)) {
                return report.done("master key v" + version + " is not in custody: retired");
            }
            report.total(count(domain -> ownerKeys.countWrappedUnder(domain, version)));
            rewrapAll(newest, report);
            long remaining = count(domain -> ownerKeys.countWrappedUnder(domain, version));
            if (remaining > 0) {
                return report.failed("master key v" + version + " still wraps " + remaining + " keys: retry RETIRE");
            }
            custody.retire(version);
            return report.done("master key v" + version + " retired (" + report.done() + " owner keys re-wrapped "
                    + "under v" + newest + "): destroyed in " + custody.kind() + " custody");
        } catch (RuntimeException e) {
            return report.failed(reason(e));
        }
    }

    /** Makes a newer pseudonym key version current; ledger entries already written keep theirs. */
    public CommandProgress rotatePseudonym(String commandId) {
        ProgressReport report = new ProgressReport(commandId, ROTATE_PSEUDONYM, progress -> {}, clock);
        try {
            int newest = custody.rotatePseudonym();
            return report.done("new ledger entries name parties under pseudonym key v" + newest
                    + "; older versions are kept to recognise older entries");
        } catch (RuntimeException e) {
            return report.failed(reason(e));
        }
    }

    private void rewrapAll(int newest, ProgressReport report) {
        for (RecordDomain domain : RecordDomain.values()) {
            rewrap(domain, newest, report);
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
