package org.hrm.consent.application;

import org.hrm.consent.domain.Party;

/**
 * A signed key rotation as the adapter that read it presents it. Who signed it (the old key or a fresh attestation) is
 * checked on the signed event itself, so the adapter judges it (decision 0043).
 */
public interface SignedRotation {
    String partyId();

    /** Judged against the party as stored (null: not registered). */
    DirectoryVerdict judge(Party current);

    /** {@code before} followed by this rotation. */
    SignedHistory appendedTo(SignedHistory before);
}
