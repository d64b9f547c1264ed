package org.hrm.messaging;

import java.util.regex.Pattern;

/**
 * Folds a dead letter's reason into a category for counting: the text before the first detail (a colon or a
 * quote), with numbers replaced by {@code N}, so "oversized event: 300000 bytes" and "oversized event: 1 bytes"
 * count together and a metric gets a bounded set of tag values.
 */
public final class DeadLetterReasons {
    private static final int MAX_LENGTH = 60;
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private DeadLetterReasons() {}

    public static String category(String reason) {
        if (reason == null || reason.isBlank()) {
            return "unknown";
        }
        String head = reason;
        for (String stop : new String[] {":", "'", "\""}) {
            int at = head.indexOf(stop);
            if (at > 0) {
                head = head.substring(0, at);
            }
        }
        head = DIGITS.matcher(head.strip()).replaceAll("N");
        return head.length() <= MAX_LENGTH ? head : head.substring(0, MAX_LENGTH);
    }
}
