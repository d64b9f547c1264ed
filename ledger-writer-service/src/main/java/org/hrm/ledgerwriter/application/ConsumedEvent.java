package org.hrm.ledgerwriter.application;

import java.util.Map;

/**
 * A consumed event as it was read: its origin, key, bytes and the few headers its reader needs (type, schema
 * version, event id, trace). What a held revocation keeps, so it can be read and checked again later, or
 * dead-lettered as itself.
 */
public record ConsumedEvent(
        String topic, int partition, long offset, String key, byte[] value, Map<String, byte[]> headers) {
    public ConsumedEvent {
        headers = Map.copyOf(headers);
    }

    /** Where it was read: unique per event, the same when the event is read again after a redelivery. */
    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
