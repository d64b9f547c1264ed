package org.hrm.contracts;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * A W3C trace context ({@code traceparent}, version 00): the trace id follows one record through every service, the
 * span id names one hop. Carried in the {@link EventHeaders#TRACE_PARENT} header of every event.
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {
    private static final Pattern HEADER = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);
    private static final Random RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    public TraceParent {
        if (traceId == null || !traceId.matches("[0-9a-f]{32}") || traceId.equals(INVALID_TRACE)) {
            throw new IllegalArgumentException("trace id must be 32 lower-case hex digits, not all zero");
        }
        if (spanId == null || !spanId.matches("[0-9a-f]{16}") || spanId.equals(INVALID_SPAN)) {
            throw new IllegalArgumentException("span id must be 16 lower-case hex digits, not all zero");
        }
    }

    /** The start of a new trace (the first event of a record, or an event that came without one). */
    public static TraceParent newTrace() {
        return new TraceParent(randomHex(16, INVALID_TRACE), randomHex(8, INVALID_SPAN), true);
    }

    /** The header's trace context, or empty when it is missing or not a version-00 traceparent. */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var match = HEADER.matcher(header.trim());
        if (!match.matches()
                || match.group(1).equals(INVALID_TRACE)
                || match.group(2).equals(INVALID_SPAN)) {
            return Optional.empty();
        }
        boolean sampled = (HEX.fromHexDigits(match.group(3)) & 1) == 1;
        return Optional.of(new TraceParent(match.group(1), match.group(2), sampled));
    }

    /** The next hop of the same trace: same trace id, new span id. */
    public TraceParent child() {
        return new TraceParent(traceId, randomHex(8, spanId), sampled);
    }

    /** The header value, e.g. {@code 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}. */
    public String header() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    private static String randomHex(int bytes, String avoid) {
        String hex;
        do {
            byte[] random = new byte[bytes];
            RANDOM.nextBytes(random);
            hex = HEX.formatHex(random);
        } while (hex.equals(avoid) || hex.equals("0".repeat(bytes * 2)));
        return hex;
    }
}
