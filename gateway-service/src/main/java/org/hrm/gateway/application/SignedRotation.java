package org.hrm.gateway.application;

import org.hrm.contracts.authority.DirectoryDecision;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.DirectoryRules;

/**
 * A signed key rotation as the adapter that read (or was sent) it presents it. Who signed it, the old key or a fresh
 * attestation, is checked over the event's own bytes, so the rules judge the event itself, through {@code judgement}
 * (decision 0043).
 */
public record SignedRotation(String partyId, byte[] newPublicKey, Judgement judgement) {
    /** The rules' decision on the event against the party as the directory holds it. */
    @FunctionalInterface
    public interface Judgement {
        DirectoryDecision judge(DirectoryRules rules, DirectoryEntry current);
    }
}
