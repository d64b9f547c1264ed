package org.hrm.contracts.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.events.GrantScope;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The published event contract, docs/wire-format/events.asyncapi.json, is what the code does: it is generated from
 * the catalogue and the records (regenerate with {@code -Dhrm.write-event-contract=true}), every frozen fixture
 * conforms to it, and for every field of every fixture removed or given a wrong value, the schema accepts only what
 * the codec decodes, and refuses every removal the codec refuses. A hospital that validates against the schema
 * before it sends is never dead-lettered for shape.
 */
class EventContractTest {
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String[] WRONG_VALUES = {"null", "true", "-1", "1.5", "\"\"", "[]", "{}", "\"x\""};

    private static final Path ROOT = repositoryRoot();
    private static Map<Class<?>, byte[]> samples;
    private static ObjectNode contract;

    @BeforeAll
    static void generate() {
        samples = new java.util.LinkedHashMap<>();
        for (Class<?> type : EventContract.eventTypes()) {
            samples.put(type, fixture(EventCodec.typeName(type)));
        }
        FieldRules rules = new FieldRules();
        samples.forEach(rules::learn);
        contract = new EventContract(rules, ROOT.resolve("contracts/src/main/java")).document();
        if (Boolean.getBoolean("hrm.write-event-contract")) {
            write(contract);
        }
    }

    @Test
    void committedContractIsTheOneTheCodeGenerates() throws IOException {
        JsonNode committed = JSON.readTree(Files.readString(ROOT.resolve(EventContract.FILE)));
        JsonNode generated = JSON.readTree(JSON.writeValueAsString(contract)); // numbers as the file holds them

        assertThat(committed)
                .as(
                        "%s is stale: regenerate with ./mvnw -B test -pl contracts -Dtest=EventContractTest"
                                + " -Dhrm.write-event-contract=true",
                        EventContract.FILE)
                .isEqualTo(generated);
    }

    @Test
    void everyRecordAnEventCarriesIsReachedByASample() {
        FieldRules rules = new FieldRules();
        samples.forEach(rules::learn);

        List<String> unseen = FieldRules.reachable(EventContract.eventTypes()).stream()
                .filter(type -> !rules.seen(type))
                .map(EventContract::schemaName)
                .toList();

        assertThat(unseen)
                .as("records no fixture reaches: their required fields are unknown")
                .isEmpty();
    }

    @Test
    void everyFixtureConformsToItsMessage() {
        samples.forEach((type, sample) -> assertThat(schemaProblems(type, JSON.readTree(sample)))
                .as(EventCodec.typeName(type))
                .isEmpty());
    }

    @Test
    void schemaRefusesExactlyTheRemovalsTheCodecRefuses() {
        List<String> disagreements = new ArrayList<>();
        samples.forEach((type, sample) -> forEachField(JSON.readTree(sample), (root, path, holder, field) -> {
            JsonNode value = holder.remove(field);
            check(type, root, path, "without it", disagreements, true);
            holder.set(field, value);
        }));

        assertThat(disagreements).isEmpty();
    }

    @Test
    void schemaNeverAcceptsAWrongValueTheCodecRefuses() {
        List<String> disagreements = new ArrayList<>();
        samples.forEach((type, sample) -> forEachField(JSON.readTree(sample), (root, path, holder, field) -> {
            JsonNode value = holder.get(field);
            for (String wrong : WRONG_VALUES) {
                holder.set(field, JSON.readTree(wrong));
                check(type, root, path, "= " + wrong, disagreements, false);
            }
            holder.set(field, value);
        }));

        assertThat(disagreements).isEmpty();
    }

    @Test
    void grantScopeSchemaAcceptsEitherFormAndTheCodecDoesToo() {
        ObjectNode byRecords = JSON.createObjectNode();
        byRecords.putArray("recordIds").add("1b4e28ba-2fa1-41d2-883f-0016d3cca427");
        ObjectNode byCategory = JSON.createObjectNode().put("category", "Observation");
        ObjectNode both = byRecords.deepCopy().put("category", "Observation");

        assertThat(JSON.treeToValue(byRecords, GrantScope.class).recordIds()).hasSize(1);
        assertThat(JSON.treeToValue(byCategory, GrantScope.class).category()).isEqualTo("Observation");
        assertThat(schemaProblems(GrantScope.class, byRecords)).isEmpty();
        assertThat(schemaProblems(GrantScope.class, byCategory)).isEmpty();
        assertThat(schemaProblems(GrantScope.class, both)).isNotEmpty();
    }

    /**
     * Records a disagreement for the probe {@code root} now is: the schema accepting what the codec refuses is
     * always one; the schema refusing what the codec accepts is one only when {@code bothWays}.
     */
    private static void check(
            Class<?> type, JsonNode root, String path, String probe, List<String> out, boolean bothWays) {
        boolean schemaAccepts = schemaProblems(type, root).isEmpty();
        boolean codecAccepts = decodes(type, root);
        if (schemaAccepts && !codecAccepts || bothWays && !schemaAccepts && codecAccepts) {
            out.add(EventCodec.typeName(type) + "." + path + " " + probe + ": schema "
                    + (schemaAccepts ? "accepts" : "refuses") + ", codec " + (codecAccepts ? "accepts" : "refuses"));
        }
    }

    private static List<String> schemaProblems(Class<?> type, JsonNode instance) {
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        wrapper.put("$ref", "#/components/schemas/" + EventContract.schemaName(type));
        wrapper.set("components", contract.get("components"));
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(wrapper.toString(), InputFormat.JSON);
        return schema.validate(instance.toString(), InputFormat.JSON).stream()
                .map(error -> error.getInstanceLocation() + " " + error.getMessage())
                .toList();
    }

    private static boolean decodes(Class<?> type, JsonNode root) {
        try {
            new EventCodec().decode(JSON.writeValueAsBytes(root), type);
            return true;
        } catch (InvalidEventException e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface FieldVisitor {
        void visit(JsonNode root, String path, ObjectNode holder, String field);
    }

    /** Visits every field of {@code root}, of nested objects and of objects in arrays, depth first. */
    private static void forEachField(JsonNode root, FieldVisitor visitor) {
        visit(root, (ObjectNode) root, "", visitor);
    }

    private static void visit(JsonNode root, ObjectNode node, String prefix, FieldVisitor visitor) {
        for (String field : List.copyOf(node.propertyNames())) {
            JsonNode value = node.get(field);
            visitor.visit(root, prefix + field, node, field);
            if (value.isObject()) {
                visit(root, (ObjectNode) value, prefix + field + ".", visitor);
            } else if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                visit(root, (ObjectNode) value.get(0), prefix + field + "[0].", visitor);
            }
        }
    }

    private static byte[] fixture(String type) {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/fixtures/" + type + ".v2.json")) {
            if (in == null) {
                throw new IllegalStateException("no fixture for " + type);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ObjectNode document) {
        try {
            Files.writeString(
                    ROOT.resolve(EventContract.FILE), JSON.writeValueAsString(document) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("not inside the repository");
        }
        return dir;
    }
}
