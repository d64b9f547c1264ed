package org.hrm.edge.domain;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.hrm.contracts.Domain;

/**
 * The hospital's map from its own FHIR references to platform owner ids: a properties file of lines {@code
 * Patient/<id> = <owner id>} (patient-domain records) and {@code Practitioner/<id> = <owner id>} (practitioner-domain
 * records). The reference's type names the domain; any other type is refused when the map is read, so a typo fails at
 * start and not at the first record.
 */
public final class OwnerMapping {
    private final Map<String, Owner> owners;

    private OwnerMapping(Map<String, Owner> owners) {
        this.owners = Map.copyOf(owners);
    }

    /** Reads the mapping file. */
    public static OwnerMapping read(Path file) throws IOException {
        Properties lines = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            lines.load(reader);
        }
        Map<String, String> entries = new LinkedHashMap<>();
        lines.stringPropertyNames().forEach(reference -> entries.put(reference, lines.getProperty(reference)));
        return of(entries);
    }

    /** A mapping from reference ({@code Patient/123}) to owner id. */
    public static OwnerMapping of(Map<String, String> ownerIdsByReference) {
        Map<String, Owner> owners = new LinkedHashMap<>();
        ownerIdsByReference.forEach((reference, ownerId) -> {
            String key = reference.trim();
            String value = ownerId.trim();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("owner mapping: " + key + " maps to an empty owner id");
            }
            owners.put(key, new Owner(value, domainOf(key)));
        });
        return new OwnerMapping(owners);
    }

    /** The owner of records about {@code reference} ({@code Patient/123}), if the hospital mapped it. */
    public Optional<Owner> ownerOf(String reference) {
        return Optional.ofNullable(owners.get(reference));
    }

    public int size() {
        return owners.size();
    }

    private static Domain domainOf(String reference) {
        int slash = reference.indexOf('/');
        String type = slash > 0 ? reference.substring(0, slash) : "";
        if (slash < 0 || slash == reference.length() - 1 || reference.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("owner mapping: '" + reference
                    + "' is not a reference of the form Patient/<id> or Practitioner/<id>");
        }
        return switch (type) {
            case "Patient" -> Domain.PATIENT;
            case "Practitioner" -> Domain.PRACTITIONER;
            default ->
                throw new IllegalArgumentException(
                        "owner mapping: '" + reference + "' must name a Patient or a Practitioner, not a " + type);
        };
    }
}
