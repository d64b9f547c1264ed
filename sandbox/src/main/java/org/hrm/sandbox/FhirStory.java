package org.hrm.sandbox;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.hrm.cli.Endpoints;
import org.hrm.cli.RecordCommands;
import org.hrm.cli.Session;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.ReleaseAnswer;
import org.hrm.edge.application.ResourceValidator;
import org.hrm.edge.domain.Problem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo's FHIR story. It starts the FHIR edge service as the demo's hospital (the hospital's key in a temporary,
 * owner-only key file; the EHR's {@code Patient/mrn-...} references mapped to the demo's patients), validates every
 * resource the demo writes itself with the edge's own validator (one per JVM: its first use loads every R4 profile),
 * posts a transaction Bundle to the edge, and, once those records are committed, has their owner read each back
 * through the vault and checks it is the same resource, of its resource type as category, by the hospital.
 */
final class FhirStory implements AutoCloseable {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final IParser JSON = FhirContext.forR4Cached().newJsonParser();

    private final ConfigurableApplicationContext edge;
    private final Path directory;
    private final PartyKeys hospital;
    private final ResourceValidator validator;
    private final Consumer<String> say;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Posted> posted = new ArrayList<>();
    private final Map<String, byte[]> readBack = new LinkedHashMap<>();
    private int validated;
    private boolean edgeRefused;

    private record Posted(String recordId, Resource resource, PartyKeys owner) {}

    private FhirStory(ConfigurableApplicationContext edge, Path directory, PartyKeys hospital, Consumer<String> say) {
        this.edge = edge;
        this.directory = directory;
        this.hospital = hospital;
        this.validator = edge.getBean(ResourceValidator.class);
        this.say = say;
    }

    /** Starts the edge as {@code hospital}; {@code patients} maps the EHR's references to the demo's patients. */
    static FhirStory start(
            Endpoints endpoints, PartyKeys hospital, Map<String, PartyKeys> patients, Consumer<String> say)
            throws IOException {
        Path directory = Files.createTempDirectory(
                "hrm-demo-edge", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path keystore = directory.resolve("hospital.key.json");
        PartyKeyFile.save(hospital, keystore);
        StringBuilder mapping = new StringBuilder("# the demo hospital's EHR references = platform owner ids\n");
        patients.forEach((reference, owner) ->
                mapping.append(reference).append(" = ").append(owner.partyId()).append('\n'));
        Path mappingFile = Files.writeString(directory.resolve("owner-mapping.properties"), mapping);
        say.accept(
                "starting the FHIR edge service as " + hospital.partyId() + " with the mapping " + patients.keySet());
        ConfigurableApplicationContext edge = FhirEdgeSandbox.start(endpoints, keystore, mappingFile, 0);
        say.accept("FHIR edge service at " + FhirEdgeSandbox.url(edge));
        return new FhirStory(edge, directory, hospital, say);
    }

    /** The record bytes of {@code resource} (HAPI's JSON), after the validator judged it; once per resource. */
    byte[] validated(Resource resource) {
        List<Problem> found = validator.problems(resource.fhirType(), resource);
        found.forEach(problem -> say.accept("invalid R4: " + problem));
        problems.addAll(found);
        validated++;
        return R4Resources.json(resource);
    }

    /**
     * Posts {@code resources}, all about {@code owner}, as one transaction Bundle to the edge, which validates,
     * encrypts, signs and submits them; returns the record ids it created (none if it refused the Bundle).
     */
    List<String> postTransaction(PartyKeys owner, List<Resource> resources) throws Exception {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        resources.forEach(resource -> bundle.addEntry()
                .setFullUrl("urn:uuid:" + UUID.randomUUID())
                .setResource(resource)
                .getRequest()
                .setMethod(Bundle.HTTPVerb.POST)
                .setUrl(resource.fhirType()));
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(FhirEdgeSandbox.url(edge)))
                                .header("Content-Type", "application/fhir+json")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.encodeResourceToString(bundle)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            edgeRefused = true;
            say.accept("the edge refused the Bundle (HTTP " + response.statusCode() + "): " + diagnostics(response));
            return List.of();
        }
        List<String> recordIds = new ArrayList<>();
        List<Bundle.BundleEntryComponent> entries =
                JSON.parseResource(Bundle.class, response.body()).getEntry();
        for (int i = 0; i < entries.size(); i++) {
            String recordId = entries.get(i).getResponse().getLocation().split("/")[1];
            posted.add(new Posted(recordId, resources.get(i), owner));
            recordIds.add(recordId);
        }
        say.accept(
                "posted a transaction Bundle of " + resources.size() + " resources to the edge: records " + recordIds);
        return recordIds;
    }

    /**
     * The owners read each posted record back through the gateway, as its clients do: it must be the posted resource,
     * its type its category.
     */
    void readBack(Session session) {
        var directory = session.directory();
        for (Posted record : posted) {
            ReleaseAnswer answer =
                    session.gateway(record.owner().partyId()).fetch(record.recordId(), "TREAT", null, ANSWER_TIMEOUT);
            if (!answer.allowed()) {
                say.accept(record.owner().partyId() + " was denied edge record " + record.recordId() + ": "
                        + answer.deniedReason());
                continue;
            }
            RecordCommands.Verified verified = RecordCommands.openVerified(
                    answer, directory, record.owner(), record.owner(), signature -> Optional.empty());
            Resource read = (Resource) JSON.parseResource(new String(verified.plaintext(), StandardCharsets.UTF_8));
            boolean same = sameResource(read, record.resource())
                    && record.resource().fhirType().equals(verified.submission().category())
                    && hospital.partyId().equals(verified.submission().authorId());
            say.accept(record.owner().partyId() + " reads edge record " + record.recordId() + " back: "
                    + read.fhirType() + (same ? ", the resource the hospital posted" : ", NOT the posted resource"));
            if (same) {
                readBack.put(record.recordId(), verified.plaintext());
            }
        }
    }

    /** {@code fhirResourcesValid} and {@code edgeSubmissions}. */
    Map<String, Object> results() {
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("fhirResourcesValid", validated > 0 && problems.isEmpty() && !edgeRefused);
        results.put("edgeSubmissions", readBack.size());
        return results;
    }

    /** True if every resource validated and every record posted to the edge was read back as posted. */
    boolean held() {
        return Boolean.TRUE.equals(results().get("fhirResourcesValid"))
                && !posted.isEmpty()
                && readBack.size() == posted.size();
    }

    /** The plaintexts of the records the edge submitted (as posted, and as read back), for the chain scan. */
    List<byte[]> edgePlaintexts() {
        List<byte[]> plaintexts = new ArrayList<>(readBack.values());
        posted.forEach(record -> plaintexts.add(R4Resources.json(record.resource())));
        return plaintexts;
    }

    /** Stops the edge and deletes the hospital's key file and the mapping. */
    @Override
    public void close() throws IOException {
        try {
            edge.close();
        } finally {
            try (var files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
    }

    private static boolean sameResource(Resource read, Resource posted) {
        Resource expected = posted.copy();
        Resource actual = read.copy();
        expected.setId((String) null);
        actual.setId((String) null);
        return actual.equalsDeep(expected);
    }

    private static String diagnostics(HttpResponse<String> response) {
        try {
            return JSON.parseResource(OperationOutcome.class, response.body()).getIssue().stream()
                    .map(OperationOutcome.OperationOutcomeIssueComponent::getDiagnostics)
                    .toList()
                    .toString();
        } catch (RuntimeException notAnOutcome) {
            return response.body();
        }
    }
}
