package org.hrm.gateway.application;

import java.util.List;

/**
 * The vault's signed erasure receipt as it wrote it: the records it names (for the audit of its download), and the
 * event's bytes, which the owner gets byte for byte and verifies against the vault's key. Never re-encoded here.
 *
 * @param event the ErasureReceipt's bytes as read from the topic
 */
public record SignedReceipt(String requestId, List<String> recordIds, byte[] event) {
    public SignedReceipt {
        recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
    }
}
