package org.hrm.gateway.application;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.Domain;

/**
 * consent-service's standing grants of one owner in one domain (unexpired, unrevoked), as adapter.kafka reads them
 * from the standing-grants topic: whom the owner granted what, with the key a new record is wrapped to for each.
 */
public record OwnerGrants(String ownerId, Domain domain, List<Grantee> grantees, Instant updatedAt) {
    public OwnerGrants {
        grantees = grantees == null ? List.of() : List.copyOf(grantees);
    }

    /** One standing grant and the grantee's public key. */
    public record Grantee(String granteeId, byte[] publicKey, String grantId, Scope scope, Instant expiresAt) {}

    /** What a grant covers: listed record ids, or every record of a category ({@link #ALL_CATEGORIES} for all). */
    public record Scope(List<String> recordIds, String category) {
        public static final String ALL_CATEGORIES = "*";

        public Scope {
            recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
        }

        /** Whether a record of this category falls under the scope. */
        public boolean covers(String recordId, String recordCategory) {
            if (!recordIds.isEmpty()) {
                return recordIds.contains(recordId);
            }
            return ALL_CATEGORIES.equals(category) || category.equals(recordCategory);
        }
    }
}
