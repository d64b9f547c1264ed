package org.hrm.support;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.authority.DirectoryKeeper;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;

/**
 * Feeds a service's verified party directory from the parties topic: reads each record as a registration or a
 * rotation (by its event type header) and applies it through the {@link DirectoryKeeper}. Returns why a record
 * changed nothing, for the dead-letter topic; never throws for bad input.
 */
public final class DirectoryFeed {
    private static final String REGISTERED = EventCodec.typeName(PartyRegistered.class);
    private static final String ROTATED = EventCodec.typeName(PartyKeyRotated.class);

    private final EventCodec codec;
    private final DirectoryKeeper keeper;

    public DirectoryFeed(EventCodec codec, DirectoryKeeper keeper) {
        this.codec = codec;
        this.keeper = keeper;
    }

    /** Empty when the record is now in the directory (or already was); otherwise why not. */
    public Optional<String> apply(ConsumerRecord<String, byte[]> record) {
        if (!Topic.PARTY_REGISTERED.allNames().contains(record.topic())) {
            return Optional.of("topic " + record.topic() + " is not the parties topic");
        }
        String type = header(record, EventHeaders.EVENT_TYPE);
        try {
            Optional<String> version = EventCodec.schemaVersionRefusal(header(record, EventHeaders.SCHEMA_VERSION));
            if (version.isPresent()) {
                return version;
            }
            if (REGISTERED.equals(type)) {
                return keeper.apply(codec.decode(record.value(), PartyRegistered.class));
            }
            if (ROTATED.equals(type)) {
                return keeper.apply(codec.decode(record.value(), PartyKeyRotated.class));
            }
            return Optional.of("unknown event type " + (type == null ? "(no header)" : type) + " on the parties topic");
        } catch (InvalidEventException e) {
            return Optional.of(e.getMessage());
        } catch (IllegalArgumentException e) {
            return Optional.of("invalid " + type + ": " + e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
