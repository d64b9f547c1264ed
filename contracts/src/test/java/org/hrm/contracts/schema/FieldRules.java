package org.hrm.contracts.schema;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What each field of each event record must be, learnt from the code that decides it rather than written down a second
 * time: every field a valid sample carries is removed, emptied and replaced by a non-UUID text in turn, and each probe
 * is given to {@link EventCodec}. A field is required when every removal is refused (a field some valid sample lacks,
 * or whose removal some probe survives, is optional); it must be non-empty when every emptied probe is refused; it is a
 * UUID when a sample holds one and every non-UUID probe is refused. Records no sample reaches are reported, so the
 * contract never guesses.
 */
final class FieldRules {
    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();
    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
            "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private final Map<Class<?>, Set<String>> refused = new HashMap<>();
    private final Map<Class<?>, Set<String>> survived = new HashMap<>();
    private final Votes nonEmpty = new Votes();
    private final Votes uuid = new Votes();

    /** Fields for which some probe was refused and none decoded. */
    private static final class Votes {
        private final Map<Class<?>, Set<String>> refused = new HashMap<>();
        private final Map<Class<?>, Set<String>> accepted = new HashMap<>();

        void vote(Class<?> type, String field, boolean wasRefused) {
            (wasRefused ? refused : accepted)
                    .computeIfAbsent(type, key -> new HashSet<>())
                    .add(field);
        }

        boolean holds(Class<?> type, String field) {
            return refused.getOrDefault(type, Set.of()).contains(field)
                    && !accepted.getOrDefault(type, Set.of()).contains(field);
        }
    }

    /** Probes every field of {@code sample} (an encoded {@code type}), nested records and list elements included. */
    void learn(Class<?> type, byte[] sample) {
        ObjectNode root = (ObjectNode) json.readTree(sample);
        codec.decode(sample, type); // a sample must be valid to begin with
        probe(type, root, type, root);
    }

    /** True when {@code field} of {@code type} was present in some sample and no probe decoded without it. */
    boolean required(Class<?> type, String field) {
        return refused.getOrDefault(type, Set.of()).contains(field)
                && !survived.getOrDefault(type, Set.of()).contains(field);
    }

    /** True when no probe with this field empty ({@code ""} or {@code []}) decoded. */
    boolean nonEmpty(Class<?> type, String field) {
        return nonEmpty.holds(type, field);
    }

    /** True when a sample held a UUID here and no probe with another text decoded. */
    boolean uuid(Class<?> type, String field) {
        return uuid.holds(type, field);
    }

    /** True when some sample reached {@code type}. */
    boolean seen(Class<?> type) {
        return refused.containsKey(type) || survived.containsKey(type);
    }

    private void probe(Class<?> topType, ObjectNode root, Class<?> type, ObjectNode node) {
        refused.computeIfAbsent(type, key -> new HashSet<>());
        Set<String> optional = survived.computeIfAbsent(type, key -> new HashSet<>());
        for (RecordComponent component : type.getRecordComponents()) {
            String field = component.getName();
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                optional.add(field); // a valid sample without it
                continue;
            }
            node.remove(field);
            if (decodes(topType, root)) {
                optional.add(field);
            } else {
                refused.get(type).add(field);
            }
            if (value.isString() || value.isArray()) {
                node.set(field, value.isString() ? json.getNodeFactory().stringNode("") : json.createArrayNode());
                nonEmpty.vote(type, field, !decodes(topType, root));
            }
            if (value.isString() && UUID.matcher(value.asString()).matches()) {
                node.put(field, "not-a-uuid");
                uuid.vote(type, field, !decodes(topType, root));
            }
            node.set(field, value);
            Class<?> nested = nestedRecord(component);
            if (nested != null && value.isObject()) {
                probe(topType, root, nested, (ObjectNode) value);
            } else if (nested != null && value.isArray()) {
                for (JsonNode element : value) {
                    if (element.isObject()) {
                        probe(topType, root, nested, (ObjectNode) element);
                    }
                }
            }
        }
    }

    private boolean decodes(Class<?> type, ObjectNode root) {
        try {
            codec.decode(json.writeValueAsBytes(root), type);
            return true;
        } catch (InvalidEventException e) {
            return false;
        }
    }

    /** The record type a component holds, directly or as a list's elements; null for anything else. */
    static Class<?> nestedRecord(RecordComponent component) {
        Type type = component.getGenericType();
        if (type instanceof Class<?> direct) {
            return direct.isRecord() ? direct : null;
        }
        if (type instanceof ParameterizedType generic
                && generic.getRawType() == List.class
                && generic.getActualTypeArguments()[0] instanceof Class<?> element
                && element.isRecord()) {
            return element;
        }
        return null;
    }

    /** Records reached from {@code roots} through their components, in a stable order. */
    static List<Class<?>> reachable(List<Class<?>> roots) {
        java.util.LinkedHashSet<Class<?>> found = new java.util.LinkedHashSet<>();
        java.util.ArrayDeque<Class<?>> queue = new java.util.ArrayDeque<>(roots);
        while (!queue.isEmpty()) {
            Class<?> type = queue.poll();
            if (found.add(type)) {
                for (RecordComponent component : type.getRecordComponents()) {
                    Class<?> nested = nestedRecord(component);
                    if (nested != null) {
                        queue.add(nested);
                    }
                }
            }
        }
        return List.copyOf(found);
    }
}
