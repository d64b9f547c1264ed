package org.hrm.consent.application;

import java.util.Optional;
import org.hrm.consent.domain.Party;

/**
 * A signed registration as the adapter that read it presents it. Its attestation, proof of possession and an
 * institution's vouching are checked on the signed event itself, so the adapter judges it (decision 0043).
 */
public interface SignedRegistration {
    String partyId();

    /** The institution whose entry the judgement needs: a practitioner's. */
    Optional<String> institutionId();

    /** Judged against the party as stored and its institution (null: not registered). */
    DirectoryVerdict judge(Party current, Party institution);

    /** The history this registration starts: itself alone. */
    SignedHistory history();
}
