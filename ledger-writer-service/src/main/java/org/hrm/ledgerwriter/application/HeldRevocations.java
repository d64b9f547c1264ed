package org.hrm.ledgerwriter.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hrm.contracts.Domain;

/** The revocations held for their grant, kept across restarts of the writer. */
public interface HeldRevocations {
    /** Keeps it; when the same event is held already, nothing changes (its first sight stays the earlier one). */
    void hold(HeldRevocation revocation);

    /** The held revocations of this domain that name one of these grants. */
    List<HeldRevocation> naming(Domain domain, Collection<String> grantIds);

    /** The held revocations first read at or before {@code cutoff}, of every domain. */
    List<HeldRevocation> seenBy(Instant cutoff);

    void forget(HeldRevocation revocation);
}
