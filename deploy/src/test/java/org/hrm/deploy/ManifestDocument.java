package org.hrm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** One YAML document of a manifest file (files hold several, separated by ---). */
record ManifestDocument(Path file, int index, JsonNode node) {

    String apiVersion() {
        return node.path("apiVersion").asText();
    }

    String kind() {
        return node.path("kind").asText();
    }

    String name() {
        return node.path("metadata").path("name").asText();
    }

    /** apiVersion and kind, the key every validator is registered under, e.g. {@code apps/v1 Deployment}. */
    String type() {
        return apiVersion() + " " + kind();
    }

    @Override
    public String toString() {
        return type() + " " + name() + " (" + file.getFileName() + " #" + index + ")";
    }
}
