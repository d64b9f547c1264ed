package org.hrm.contracts.events;

import java.util.List;

/**
 * What a grant covers: listed record ids, or every record of a category in the grant's domain
 * ({@code "*"} for all of them). Exactly one of the two is given.
 */
public record GrantScope(List<String> recordIds, String category) {
    public static final String ALL_CATEGORIES = "*";

    public GrantScope {
        recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
        recordIds.forEach(Require::recordId);
        boolean byCategory = category != null && !category.isBlank();
        if (recordIds.isEmpty() == !byCategory) {
            throw new IllegalArgumentException("scope needs either recordIds or a category, not both or neither");
        }
    }

    public static GrantScope records(List<String> recordIds) {
        return new GrantScope(recordIds, null);
    }

    public static GrantScope category(String category) {
        return new GrantScope(List.of(), category);
    }

    /** Whether a record of this category falls under the scope. */
    public boolean covers(String recordId, String recordCategory) {
        if (!recordIds.isEmpty()) {
            return recordIds.contains(recordId);
        }
        return ALL_CATEGORIES.equals(category) || category.equals(recordCategory);
    }
}
