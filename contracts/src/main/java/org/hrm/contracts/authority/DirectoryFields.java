package org.hrm.contracts.authority;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.events.PartyKind;

/**
 * A {@link DirectoryEntry} as plain fields (texts and lists of texts, keys in base64), so any document store keeps it
 * without a mapping of its own.
 */
public final class DirectoryFields {
    private DirectoryFields() {}

    public static Map<String, Object> of(DirectoryEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("partyId", entry.partyId());
        fields.put("kind", entry.kind().name());
        fields.put("institutionId", entry.institutionId());
        fields.put("publicKey", base64(entry.publicKey()));
        fields.put("since", entry.since().toString());
        fields.put("attested", entry.attested());
        fields.put(
                "previousKeys",
                entry.previousKeys().stream().map(DirectoryFields::base64).toList());
        return fields;
    }

    public static DirectoryEntry entry(Map<String, Object> fields) {
        List<?> previous = (List<?>) fields.getOrDefault("previousKeys", List.of());
        return new DirectoryEntry(
                (String) fields.get("partyId"),
                PartyKind.valueOf((String) fields.get("kind")),
                (String) fields.get("institutionId"),
                Base64.getDecoder().decode((String) fields.get("publicKey")),
                Instant.parse((String) fields.get("since")),
                Boolean.TRUE.equals(fields.get("attested")),
                previous.stream()
                        .map(key -> Base64.getDecoder().decode((String) key))
                        .toList());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
