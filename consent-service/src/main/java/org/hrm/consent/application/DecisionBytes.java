package org.hrm.consent.application;

import org.hrm.consent.domain.Decision;

/**
 * Port: the bytes a decision's signature covers, those of the event that carries it (every field but the signature),
 * which the vault verifies. The contract defines them, so an adapter computes them.
 */
public interface DecisionBytes {
    byte[] of(Decision decision);
}
