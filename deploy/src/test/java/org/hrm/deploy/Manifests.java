package org.hrm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the Kubernetes manifests under deploy/kubernetes into documents, skipping kustomization.yaml. */
final class Manifests {
    static final String DIRECTORY = "deploy/kubernetes";
    static final String KUSTOMIZATION = "kustomization.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {}

    static Path directory() {
        return RepositoryFiles.path(DIRECTORY);
    }

    /** Every *.yaml file below the manifest directory except the kustomization, relative to it. */
    static List<String> files() {
        try (Stream<Path> paths = Files.walk(directory())) {
            return paths.filter(path -> path.toString().endsWith(".yaml"))
                    .map(path -> directory().relativize(path).toString().replace('\\', '/'))
                    .filter(file -> !file.equals(KUSTOMIZATION))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ManifestDocument> all() {
        List<ManifestDocument> documents = new ArrayList<>();
        files().forEach(file -> documents.addAll(parse(directory().resolve(file))));
        return documents;
    }

    static List<ManifestDocument> parse(Path file) {
        try {
            return parse(file, Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ManifestDocument> parse(Path file, String yaml) {
        List<ManifestDocument> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> nodes = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (nodes.hasNext()) {
                JsonNode node = nodes.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(new ManifestDocument(file, documents.size(), node));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
        return documents;
    }

    static JsonNode kustomization() {
        try {
            return YAML.readTree(directory().resolve(KUSTOMIZATION).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
