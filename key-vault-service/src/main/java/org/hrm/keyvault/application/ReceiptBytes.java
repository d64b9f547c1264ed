package org.hrm.keyvault.application;

import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.IssuedReceipt;

/**
 * Port: the bytes an erasure receipt's signature covers, those of the event that carries it (every field but the
 * signature), which the owner verifies. The contract defines them, so an adapter computes them.
 */
public interface ReceiptBytes {
    byte[] of(Erasure erasure, IssuedReceipt issued);
}
