package org.hrm.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Typed resources of the manifests, read with {@link StrictModelReader}. */
final class ModelResources {
    private ModelResources() {}

    static <T extends HasMetadata> List<T> all(Class<T> type) {
        StrictModelReader reader = new StrictModelReader();
        return Manifests.all().stream()
                .filter(document -> StrictModelReader.modelFor(document)
                        .filter(type::equals)
                        .isPresent())
                .map(document -> {
                    try {
                        return reader.read(document, type);
                    } catch (IOException e) {
                        throw new UncheckedIOException(document.toString(), e);
                    }
                })
                .toList();
    }

    static <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream()
                .filter(resource -> resource.getMetadata().getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }
}
