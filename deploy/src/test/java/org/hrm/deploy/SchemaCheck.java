package org.hrm.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates the kinds that have no Java model on Maven Central (KEDA, the MongoDB Community operator)
 * against the JSON Schemas in deploy/kubernetes/schemas, written for these manifests.
 */
final class SchemaCheck {
    static final String SCHEMAS = Manifests.DIRECTORY + "/schemas/";

    private static final Map<String, String> SCHEMA_FILES = Map.of(
            "keda.sh/v1alpha1 ScaledObject", "keda-scaledobject.schema.json",
            "keda.sh/v1alpha1 TriggerAuthentication", "keda-triggerauthentication.schema.json",
            "mongodbcommunity.mongodb.com/v1 MongoDBCommunity", "mongodbcommunity.schema.json",
            "cert-manager.io/v1 Issuer", "cert-manager-issuer.schema.json",
            "cert-manager.io/v1 Certificate", "cert-manager-certificate.schema.json");

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static boolean hasSchema(ManifestDocument document) {
        return SCHEMA_FILES.containsKey(document.type());
    }

    static Map<String, String> schemaFiles() {
        return SCHEMA_FILES;
    }

    /** Violations, each with its location in the document; empty when it conforms. */
    List<String> problems(ManifestDocument document) {
        Schema schema = schemaFor(document)
                .orElseThrow(() -> new IllegalArgumentException("no schema registered for " + document));
        List<Error> errors = schema.validate(document.node().toString(), InputFormat.JSON);
        return errors.stream()
                .map(error -> document + ": " + error.getInstanceLocation() + " " + error.getMessage())
                .toList();
    }

    private Optional<Schema> schemaFor(ManifestDocument document) {
        return Optional.ofNullable(SCHEMA_FILES.get(document.type()))
                .map(file -> registry.getSchema(RepositoryFiles.read(SCHEMAS + file), InputFormat.JSON));
    }
}
