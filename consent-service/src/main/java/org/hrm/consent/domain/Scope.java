package org.hrm.consent.domain;

import java.util.List;

/** What a grant covers: listed record ids, or every record of a category ({@code "*"}: all of them). */
public record Scope(List<String> recordIds, String category) {
    public static final String ALL_CATEGORIES = "*";

    public Scope {
        recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
    }

    public boolean byRecordIds() {
        return !recordIds.isEmpty();
    }

    /** Whether a record of {@code recordCategory} (may be null) falls under the scope. */
    public boolean covers(String recordId, String recordCategory) {
        if (byRecordIds()) {
            return recordIds.contains(recordId);
        }
        return ALL_CATEGORIES.equals(category) || (category != null && category.equals(recordCategory));
    }
}
