package org.hrm.keyvault.application;

import org.hrm.contracts.events.ErasureReceipt;

/** What became of one ErasureCommitted: the signed receipt to publish, or the reason none is issued. */
public sealed interface ReceiptOutcome {
    String requestId();

    /** The receipt as first issued for this erasure; the same bytes every time it is asked for again. */
    record Issued(ErasureReceipt receipt) implements ReceiptOutcome {
        @Override
        public String requestId() {
            return receipt.requestId();
        }
    }

    /** No receipt; the reason goes to the dead-letter topic. */
    record Refused(String requestId, String reason) implements ReceiptOutcome {}
}
