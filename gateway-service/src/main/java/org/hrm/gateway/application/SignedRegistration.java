package org.hrm.gateway.application;

import org.hrm.contracts.authority.DirectoryDecision;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.DirectoryRules;

/**
 * A signed registration as the adapter that read it presents it. Its attestation, proof of possession and an
 * institution's vouching are signed over the event's own bytes, so the rules judge the event itself, through
 * {@code judgement} (decision 0043).
 *
 * @param institutionId the institution whose entry the judgement needs (a practitioner's); null for none
 */
public record SignedRegistration(String partyId, String institutionId, Judgement judgement) {
    /** The rules' decision on the event against the party as the directory holds it and its institution. */
    @FunctionalInterface
    public interface Judgement {
        DirectoryDecision judge(DirectoryRules rules, DirectoryEntry current, DirectoryEntry institution);
    }
}
