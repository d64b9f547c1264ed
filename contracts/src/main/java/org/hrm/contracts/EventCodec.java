package org.hrm.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Optional;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.AuditAnchored;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.ErasureCommitted;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.PartyHistory;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.RecordReleaseDenied;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.ServiceHeartbeat;
import org.hrm.contracts.events.StandingGrants;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.contracts.events.VaultProgress;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON encoding of every event, with the size limit and the checks every consumer relies on.
 *
 * <p>Unknown fields are ignored (additive changes within a schema version); missing or malformed
 * ones fail with a reason fit for a dead-letter header.
 *
 * <p>Schema version 2 is protocol v2 (authority by signature), and it is one version for every event, not one per
 * type: the platform's services and clients are released together, one number is one thing to check, and a per-type
 * table would let a forgotten type stay behind on the unsigned form. Version 1 is refused by every consumer. The
 * header is written by whoever produces the event, an attacker included, so it is a statement of shape, not a defence:
 * what refuses the unsigned v1 form of an authority event is its verifier, which requires the v2 signature (or
 * attestation) and finds none in a v1 payload, whatever the header says. The v2 records still accept the v1 JSON
 * (their signature fields absent) only so producers can be moved over one by one; that is the deprecated unsigned
 * form, refused by every consumer that acts on it.
 */
public final class EventCodec {
    public static final int SCHEMA_VERSION = 2;
    /** Largest event accepted: one of a 4 MiB record, C1 or C2 in base64 ({@link RecordLimits#MAX_EVENT_BYTES}). */
    public static final int DEFAULT_MAX_EVENT_BYTES = RecordLimits.MAX_EVENT_BYTES;

    private static final Map<Class<?>, String> TYPE_NAMES = Map.ofEntries(
            Map.entry(RecordSubmitted.class, "RecordSubmitted"),
            Map.entry(RecordSealed.class, "RecordSealed"),
            Map.entry(RecordCommitted.class, "RecordCommitted"),
            Map.entry(PartyRegistered.class, "PartyRegistered"),
            Map.entry(PartyKeyRotated.class, "PartyKeyRotated"),
            Map.entry(PartyHistory.class, "PartyHistory"),
            Map.entry(ConsentGranted.class, "ConsentGranted"),
            Map.entry(ConsentRevoked.class, "ConsentRevoked"),
            Map.entry(StandingGrants.class, "StandingGrants"),
            Map.entry(AccessRequested.class, "AccessRequested"),
            Map.entry(AccessDecided.class, "AccessDecided"),
            Map.entry(RecordReleased.class, "RecordReleased"),
            Map.entry(RecordReleaseDenied.class, "RecordReleaseDenied"),
            Map.entry(AuditEvent.class, "AuditEvent"),
            Map.entry(AuditAnchored.class, "AuditAnchored"),
            Map.entry(ErasureRequested.class, "ErasureRequested"),
            Map.entry(KeysDestroyed.class, "KeysDestroyed"),
            Map.entry(ErasureCommitted.class, "ErasureCommitted"),
            Map.entry(ErasureReceipt.class, "ErasureReceipt"),
            Map.entry(VaultCommand.class, "VaultCommand"),
            Map.entry(VaultProgress.class, "VaultProgress"),
            Map.entry(ServiceHeartbeat.class, "ServiceHeartbeat"));

    private final JsonMapper mapper;
    private final int maxEventBytes;

    public EventCodec() {
        this(DEFAULT_MAX_EVENT_BYTES);
    }

    public EventCodec(int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // Optional fields that are absent stay absent, so old readers see the JSON they know.
                .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
    }

    public byte[] encode(Object event) {
        typeName(event.getClass());
        return mapper.writeValueAsBytes(event);
    }

    /** Decodes one event, or throws {@link InvalidEventException} saying what is wrong with it. */
    public <T> T decode(byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("empty event");
        }
        if (json.length > maxEventBytes) {
            throw new InvalidEventException("oversized event: " + json.length + " bytes, limit " + maxEventBytes);
        }
        try {
            T event = mapper.readValue(json, type);
            if (event == null) {
                throw new InvalidEventException("event is JSON null");
            }
            return event;
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InvalidEventException("invalid " + typeName(type) + ": " + cause.getMessage(), e);
        } catch (JacksonException e) {
            throw new InvalidEventException("malformed " + typeName(type) + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Why an event whose {@link EventHeaders#SCHEMA_VERSION} header says {@code version} cannot be read, or empty
     * when it can. An absent header is read as the current version: the JSON is still checked field by field.
     */
    public static Optional<String> schemaVersionRefusal(String version) {
        if (version == null || version.equals(String.valueOf(SCHEMA_VERSION))) {
            return Optional.empty();
        }
        String shown = version.length() <= 20 ? version : version.substring(0, 20) + "...";
        return Optional.of("unsupported schema version '" + shown + "': this consumer reads version " + SCHEMA_VERSION);
    }

    /** The logical type name carried in the {@link EventHeaders#EVENT_TYPE} header. */
    public static String typeName(Class<?> type) {
        String name = TYPE_NAMES.get(type);
        if (name == null) {
            throw new IllegalArgumentException("not an event type: " + type.getName());
        }
        return name;
    }
}
