package org.hrm.keyvault.application;

import java.util.List;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedOwnerKey;

/** Port: one domain's owner KEKs by the master key version that wraps them, for rotation and retirement. */
public interface OwnerKeyVersions {
    /** Up to {@code limit} KEKs wrapped under a version below {@code version}, owner id after {@code afterOwnerId}. */
    List<WrappedOwnerKey> wrappedBefore(RecordDomain domain, int version, String afterOwnerId, int limit);

    long countWrappedBefore(RecordDomain domain, int version);

    long countWrappedUnder(RecordDomain domain, int version);

    /**
     * Replaces {@code stored} by {@code rewrapped} only if the document still holds that KEK under that version;
     * false when it was erased or re-wrapped meanwhile.
     */
    boolean replace(RecordDomain domain, WrappedOwnerKey stored, WrappedOwnerKey rewrapped);
}
