package org.hrm.contracts;

/** Kafka header names shared by every event and dead letter. */
public final class EventHeaders {
    /** Unique id of this event; consumers use it as the idempotency key. */
    public static final String EVENT_ID = "hrm-event-id";
    /** Logical type name (e.g. {@code RecordSealed}), never a Java class name. */
    public static final String EVENT_TYPE = "hrm-event-type";
    /** Schema version of the payload; additive changes only within a version. */
    public static final String SCHEMA_VERSION = "hrm-schema-version";

    /**
     * W3C trace context ({@code 00-<trace id>-<span id>-<flags>}): set by the client on the first event, copied with
     * a new span id to every event produced because of it. See {@link TraceParent}.
     */
    public static final String TRACE_PARENT = "traceparent";

    public static final String DLT_REASON = "hrm-dlt-reason";
    public static final String DLT_ORIGINAL_TOPIC = "hrm-dlt-original-topic";
    public static final String DLT_ORIGINAL_PARTITION = "hrm-dlt-original-partition";
    public static final String DLT_ORIGINAL_OFFSET = "hrm-dlt-original-offset";
    public static final String DLT_SERVICE = "hrm-dlt-service";
    /**
     * SHA-256 of the dead-lettered payload (lower-case hex). A dead letter keeps this digest and the size, never the
     * payload: a payload may hold C1 and shares, and a dead-letter topic must not outlive an erasure with them.
     */
    public static final String DLT_PAYLOAD_SHA256 = "hrm-dlt-payload-sha256";
    /** Size in bytes of the dead-lettered payload ({@code -1} for a null value). */
    public static final String DLT_PAYLOAD_BYTES = "hrm-dlt-payload-bytes";

    private EventHeaders() {}
}
