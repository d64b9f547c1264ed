package org.hrm.keyvault.application;

import org.hrm.keyvault.domain.Erasure;

/** What became of one erasure request: its keys are confirmed destroyed, or it is refused with a reason. */
public sealed interface ErasureOutcome {
    String requestId();

    /**
     * The erasure as stored once DESTROYED (or later): publish KeysDestroyed from it; the same every time.
     *
     * @param ownerPseudonym the owner's keyed pseudonym in the domain, as the records' ledger entries carry it
     */
    record Destroyed(Erasure erasure, byte[] ownerPseudonym) implements ErasureOutcome {
        @Override
        public String requestId() {
            return erasure.requestId();
        }
    }

    /** Nothing was planned or touched; the reason goes to the dead-letter topic. */
    record Refused(String requestId, String reason) implements ErasureOutcome {}
}
