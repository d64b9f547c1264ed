package org.hrm.keyvault.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.IssuedReceipt;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedOwnerKey;
import org.hrm.keyvault.domain.WrappedRecordKey;

/**
 * Wraps the erasure ports so that one named step fails once, as a crash at that point would: the step's write is
 * not made (or, for "after marking it destroyed", made and then the caller fails).
 */
final class Interruptions {
    private String step;

    void at(String step) {
        this.step = step;
    }

    private void maybe(String here) {
        if (here.equals(step)) {
            step = null;
            throw new IllegalStateException("interrupted " + here);
        }
    }

    ErasableKeys erasable(ErasableKeys delegate) {
        return new ErasableKeys() {
            @Override
            public List<WrappedRecordKey> recordKeysOf(RecordDomain domain, String ownerId) {
                return delegate.recordKeysOf(domain, ownerId);
            }

            @Override
            public void deleteRecordKeys(RecordDomain domain, String ownerId, Collection<String> recordIds) {
                maybe("before deleting the K2s");
                delegate.deleteRecordKeys(domain, ownerId, recordIds);
            }

            @Override
            public void deleteOwnerKey(RecordDomain domain, String ownerId, String kekId) {
                maybe("before deleting the KEK");
                delegate.deleteOwnerKey(domain, ownerId, kekId);
            }

            @Override
            public void stagePendingOwnerKey(
                    RecordDomain domain, String ownerId, String currentKekId, WrappedOwnerKey pending) {
                maybe("before staging the new KEK");
                delegate.stagePendingOwnerKey(domain, ownerId, currentKekId, pending);
                maybe("after staging the new KEK");
            }

            @Override
            public int rewrapRecordKeys(RecordDomain domain, List<Rewrapped> keys) {
                maybe("before re-wrapping the K2s");
                // A crash in the middle of the bulk write leaves some re-wrapped and the rest not.
                int replaced = delegate.rewrapRecordKeys(domain, keys.subList(0, Math.min(1, keys.size())));
                maybe("after re-wrapping one K2");
                return replaced
                        + delegate.rewrapRecordKeys(domain, keys.subList(Math.min(1, keys.size()), keys.size()));
            }

            @Override
            public void switchOwnerKey(RecordDomain domain, String ownerId, String oldKekId, WrappedOwnerKey pending) {
                maybe("before switching the KEK");
                delegate.switchOwnerKey(domain, ownerId, oldKekId, pending);
                maybe("after switching the KEK");
            }
        };
    }

    ErasedRecords markers(ErasedRecords delegate) {
        return new ErasedRecords() {
            @Override
            public Map<String, String> find(RecordDomain domain, Collection<String> recordIds) {
                return delegate.find(domain, recordIds);
            }

            @Override
            public void mark(
                    RecordDomain domain, String ownerId, String requestId, Collection<String> recordIds, Instant at) {
                maybe("before marking the records");
                delegate.mark(domain, ownerId, requestId, recordIds, at);
            }
        };
    }

    ErasureStore store(ErasureStore delegate) {
        return new ErasureStore() {
            @Override
            public Optional<Erasure> find(RecordDomain domain, String requestId) {
                return delegate.find(domain, requestId);
            }

            @Override
            public Erasure plan(RecordDomain domain, Erasure planned) {
                return delegate.plan(domain, planned);
            }

            @Override
            public Erasure extend(
                    RecordDomain domain,
                    String requestId,
                    List<String> recordIds,
                    Map<String, Integer> pseudonymVersions) {
                return delegate.extend(domain, requestId, recordIds, pseudonymVersions);
            }

            @Override
            public Erasure markDestroyed(RecordDomain domain, String requestId, Instant destroyedAt) {
                maybe("before marking it destroyed");
                Erasure destroyed = delegate.markDestroyed(domain, requestId, destroyedAt);
                maybe("after marking it destroyed");
                return destroyed;
            }

            @Override
            public Erasure markReceipted(RecordDomain domain, String requestId, IssuedReceipt receipt) {
                return delegate.markReceipted(domain, requestId, receipt);
            }
        };
    }
}
