package org.hrm.keyvault.application;

import java.util.Map;
import org.hrm.keyvault.domain.Erasure;

/** What became of one erasure request: its keys are confirmed destroyed, or it is refused with a reason. */
public sealed interface ErasureOutcome {
    String requestId();

    /**
     * The erasure as stored once DESTROYED (or later): publish KeysDestroyed from it; the same every time.
     *
     * @param ownerPseudonym the owner's pseudonym under the newest pseudonym key: the tombstone of a record whose
     *     ledger entry's version is not known (sealed before the vault kept it)
     * @param recordPseudonyms per record, the owner's pseudonym as the record's ledger entry carries it (its
     *     version kept with its key at sealing)
     */
    record Destroyed(Erasure erasure, byte[] ownerPseudonym, Map<String, byte[]> recordPseudonyms)
            implements ErasureOutcome {
        public Destroyed {
            recordPseudonyms = Map.copyOf(recordPseudonyms);
        }

        /** An outcome whose records' tombstones all name {@code ownerPseudonym}. */
        public Destroyed(Erasure erasure, byte[] ownerPseudonym) {
            this(erasure, ownerPseudonym, Map.of());
        }

        @Override
        public String requestId() {
            return erasure.requestId();
        }

        /** The owner's pseudonym the record's tombstone must carry: the one its ledger entry carries. */
        public byte[] ownerPseudonymOf(String recordId) {
            return recordPseudonyms.getOrDefault(recordId, ownerPseudonym);
        }
    }

    /** Nothing was planned or touched; the reason goes to the dead-letter topic. */
    record Refused(String requestId, String reason) implements ErasureOutcome {}
}
