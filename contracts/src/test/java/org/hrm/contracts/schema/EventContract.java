package org.hrm.contracts.schema;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.KafkaRole;
import org.hrm.contracts.Topic;
import org.hrm.contracts.TopicAccess;
import org.hrm.contracts.TopicPolicy;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.VaultCommand;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The machine-readable event contract: an AsyncAPI 3.0 document with one channel per concrete topic (its key, policy,
 * producer and readers from the catalogue and {@link TopicAccess}), one message per event type (its Kafka headers and
 * key) and a JSON Schema per event record, every field described by the record's own Javadoc. Required fields come
 * from {@link FieldRules}, which asks the codec.
 *
 * <p>A JSON Schema can say what decodes; it cannot say whose signature must verify. Each message names its signed
 * form and signer in its description (from the record's Javadoc), and docs/wire-format.md gives the bytes signed.
 */
public final class EventContract {
    static final String FILE = "docs/wire-format/events.asyncapi.json";

    /**
     * Rules over several fields that "required" cannot state, each checked by the codec (and by EventContractTest
     * against both of its forms): a grant covers listed records or one category, never both.
     */
    private static final Map<Class<?>, String> ONE_OF = Map.of(GrantScope.class, "recordIds|category");

    /** Text fields the codec accepts from a fixed list only. */
    private static final Map<Class<?>, Map<String, List<String>>> ALLOWED =
            Map.of(VaultCommand.class, Map.of("command", VaultCommand.COMMANDS));

    /** Standard base64 with padding, as the codec writes and reads byte arrays. */
    private static final String BASE64 = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$";

    /** An ISO-8601 instant in UTC, as the codec writes times: {@code 2026-11-25T11:00:00.100Z}. */
    private static final String INSTANT = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,9})?Z$";

    private static final String UUID_PATTERN =
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private final JsonMapper json = JsonMapper.builder().build();
    private final FieldRules rules;
    private final Path sources;

    EventContract(FieldRules rules, Path sources) {
        this.rules = rules;
        this.sources = sources;
    }

    /** Event types in catalogue order, each once. */
    public static List<Class<?>> eventTypes() {
        return Arrays.stream(Topic.values())
                .flatMap(topic -> topic.valueTypes().stream())
                .filter(Class::isRecord)
                .distinct()
                .toList();
    }

    ObjectNode document() {
        ObjectNode document = json.createObjectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "hrm platform events");
        info.put("version", String.valueOf(EventCodec.SCHEMA_VERSION));
        info.put(
                "description",
                "Every Kafka topic of the platform, who writes and reads it, and the JSON of every event. Generated"
                        + " from the topic catalogue and the event records by contracts' EventContractTest; do not"
                        + " edit by hand. What each signature covers, byte for byte, is in docs/wire-format.md.");
        document.put("defaultContentType", "application/json");
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        for (Topic topic : Topic.values()) {
            for (String name : topic.allNames()) {
                channels.set(name, channel(topic, name));
                for (KafkaRole writer : TopicAccess.writers(topic)) {
                    operations.set(operationId("send", writer, name), operation("send", writer, name));
                }
                for (KafkaRole reader : TopicAccess.readers(topic)) {
                    operations.set(operationId("receive", reader, name), operation("receive", reader, name));
                }
            }
        }
        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        eventTypes().forEach(type -> messages.set(EventCodec.typeName(type), message(type)));
        messages.set("DeadLetter", deadLetter());
        ObjectNode schemas = components.putObject("schemas");
        FieldRules.reachable(eventTypes()).forEach(type -> schemas.set(schemaName(type), schema(type)));
        return document;
    }

    private ObjectNode channel(Topic topic, String name) {
        ObjectNode channel = json.createObjectNode();
        channel.put("address", name);
        TopicPolicy policy = topic.policy();
        channel.put("description", "Kept: " + policy.reason() + ".");
        ObjectNode messages = channel.putObject("messages");
        for (Class<?> type : topic.valueTypes()) {
            String message = type.isRecord() ? EventCodec.typeName(type) : "DeadLetter";
            messages.putObject(message).put("$ref", "#/components/messages/" + message);
        }
        ObjectNode kafka = channel.putObject("bindings").putObject("kafka");
        kafka.put("bindingVersion", "0.5.0");
        policy.partitions().ifPresent(partitions -> kafka.put("partitions", partitions));
        ObjectNode config = kafka.putObject("topicConfiguration");
        config.putArray("cleanup.policy").add(policy.cleanup().value());
        policy.retention().ifPresent(retention -> config.put("retention.ms", retention.toMillis()));
        channel.put("x-hrm-key", topic.key());
        return channel;
    }

    private static String operationId(String action, KafkaRole role, String topicName) {
        return role.name().toLowerCase(java.util.Locale.ROOT) + "-" + action + "-" + topicName;
    }

    private ObjectNode operation(String action, KafkaRole role, String topicName) {
        ObjectNode operation = json.createObjectNode();
        operation.put("action", action);
        operation.putObject("channel").put("$ref", "#/channels/" + topicName);
        operation.put("x-hrm-role", role.name());
        return operation;
    }

    private ObjectNode message(Class<?> type) {
        String name = EventCodec.typeName(type);
        ObjectNode message = json.createObjectNode();
        message.put("name", name);
        message.put("contentType", "application/json");
        String summary = docs(type).summary();
        if (!summary.isEmpty()) {
            message.put("description", summary);
        }
        message.set("headers", headers(name));
        message.putObject("payload").put("$ref", "#/components/schemas/" + schemaName(type));
        return message;
    }

    private ObjectNode headers(String typeName) {
        ObjectNode headers = json.createObjectNode();
        headers.put("type", "object");
        headers.put("description", "Kafka headers, UTF-8 strings.");
        headers.putArray("required").add(EventHeaders.EVENT_TYPE);
        ObjectNode properties = headers.putObject("properties");
        properties
                .putObject(EventHeaders.EVENT_TYPE)
                .put("const", typeName)
                .put("description", "The event's type: consumers dead-letter an event without it or of another type.");
        properties
                .putObject(EventHeaders.SCHEMA_VERSION)
                .put("const", String.valueOf(EventCodec.SCHEMA_VERSION))
                .put("description", "Read as the current version when absent; any other version is dead-lettered.");
        properties
                .putObject(EventHeaders.EVENT_ID)
                .put("type", "string")
                .put("description", "Unique id of this event.");
        properties
                .putObject(EventHeaders.TRACE_PARENT)
                .put("type", "string")
                .put("pattern", "^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$")
                .put(
                        "description",
                        "W3C trace context, copied with a new span id to every event produced because"
                                + " of this one.");
        return headers;
    }

    private ObjectNode deadLetter() {
        ObjectNode message = json.createObjectNode();
        message.put("name", "DeadLetter");
        message.put(
                "description",
                "An event a service could not act on: the headers say why and where it came from; the value is"
                        + " empty, since a dead letter keeps the payload's digest and size, never the payload.");
        ObjectNode headers = message.putObject("headers");
        headers.put("type", "object");
        ArrayNode required = headers.putArray("required");
        ObjectNode properties = headers.putObject("properties");
        for (String header : List.of(
                EventHeaders.DLT_REASON,
                EventHeaders.DLT_ORIGINAL_TOPIC,
                EventHeaders.DLT_ORIGINAL_PARTITION,
                EventHeaders.DLT_ORIGINAL_OFFSET,
                EventHeaders.DLT_SERVICE,
                EventHeaders.DLT_PAYLOAD_SHA256,
                EventHeaders.DLT_PAYLOAD_BYTES)) {
            required.add(header);
            properties.putObject(header).put("type", "string");
        }
        return message;
    }

    private ObjectNode schema(Class<?> type) {
        ObjectNode schema = json.createObjectNode();
        schema.put("type", "object");
        SourceDocs docs = docs(type);
        if (!docs.summary().isEmpty()) {
            schema.put("description", docs.summary());
        }
        ObjectNode properties = schema.putObject("properties");
        ArrayNode requiredFields = json.createArrayNode();
        for (RecordComponent component : type.getRecordComponents()) {
            ObjectNode property = valueSchema(component.getGenericType());
            String field = component.getName();
            if (rules.nonEmpty(type, field)) {
                property.put(property.has("items") ? "minItems" : "minLength", 1);
            }
            List<String> allowed = ALLOWED.getOrDefault(type, Map.of()).get(field);
            if (allowed != null) {
                allowed.forEach(property.putArray("enum")::add);
            }
            if (rules.uuid(type, field)) {
                property.put("format", "uuid").put("pattern", UUID_PATTERN);
            }
            String text = docs.params().get(component.getName());
            if (text != null) {
                property.put("description", text);
            }
            properties.set(component.getName(), property);
            boolean alternative = ONE_OF.containsKey(type) && ONE_OF.get(type).contains(field);
            if (rules.required(type, field) && !alternative) {
                requiredFields.add(component.getName());
            }
        }
        if (!requiredFields.isEmpty()) {
            schema.set("required", requiredFields);
        }
        String alternatives = ONE_OF.get(type);
        if (alternatives != null) {
            ArrayNode oneOf = schema.putArray("oneOf");
            for (String field : alternatives.split("\\|")) {
                ObjectNode alternative = oneOf.addObject();
                alternative.putArray("required").add(field);
                // An empty list is no list: the codec reads [] as "no record ids".
                alternative
                        .putObject("properties")
                        .putObject(field)
                        .put("minItems", 1)
                        .put("minLength", 1);
            }
        }
        return schema;
    }

    private ObjectNode valueSchema(Type type) {
        ObjectNode schema = json.createObjectNode();
        if (type instanceof ParameterizedType generic) {
            Type[] arguments = generic.getActualTypeArguments();
            if (generic.getRawType() == List.class) {
                schema.put("type", "array");
                schema.set("items", valueSchema(arguments[0]));
                return schema;
            }
            if (generic.getRawType() == Map.class && arguments[0] == String.class) {
                schema.put("type", "object");
                schema.set("additionalProperties", valueSchema(arguments[1]));
                return schema;
            }
        }
        if (!(type instanceof Class<?> raw)) {
            throw new IllegalArgumentException("no JSON Schema mapping for " + type);
        }
        if (raw == String.class) {
            schema.put("type", "string");
        } else if (raw == byte[].class) {
            schema.put("type", "string").put("contentEncoding", "base64").put("pattern", BASE64);
        } else if (raw == Instant.class) {
            schema.put("type", "string").put("format", "date-time").put("pattern", INSTANT);
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            schema.put("type", "integer");
        } else if (raw == double.class || raw == Double.class) {
            schema.put("type", "number");
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            Arrays.stream(raw.getEnumConstants()).forEach(value -> values.add(((Enum<?>) value).name()));
        } else if (raw.isRecord()) {
            schema.put("$ref", "#/components/schemas/" + schemaName(raw));
        } else {
            throw new IllegalArgumentException("no JSON Schema mapping for " + raw.getName());
        }
        return schema;
    }

    /** AuditEvent.Agent is AuditEventAgent: nested records keep their enclosing record's name. */
    static String schemaName(Class<?> type) {
        Class<?> enclosing = type.getEnclosingClass();
        return enclosing == null ? type.getSimpleName() : schemaName(enclosing) + type.getSimpleName();
    }

    private SourceDocs docs(Class<?> type) {
        Class<?> topLevel = type;
        while (topLevel.getEnclosingClass() != null) {
            topLevel = topLevel.getEnclosingClass();
        }
        Path file = sources.resolve(topLevel.getName().replace('.', '/') + ".java");
        return java.nio.file.Files.exists(file) ? SourceDocs.of(file, type.getSimpleName()) : SourceDocs.NONE;
    }
}
