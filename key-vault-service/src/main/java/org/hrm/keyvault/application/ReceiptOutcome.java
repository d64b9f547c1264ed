package org.hrm.keyvault.application;

import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.IssuedReceipt;

/** What became of one ErasureCommitted: the signed receipt to publish, or the reason none is issued. */
public sealed interface ReceiptOutcome {
    String requestId();

    /** The receipt as first issued for this erasure; the same bytes every time it is asked for again. */
    record Issued(Erasure erasure, IssuedReceipt issued) implements ReceiptOutcome {
        @Override
        public String requestId() {
            return erasure.requestId();
        }
    }

    /** No receipt; the reason goes to the dead-letter topic. */
    record Refused(String requestId, String reason) implements ReceiptOutcome {}
}
