package org.hrm.contracts.authority;

import java.time.Instant;
import java.util.ArrayList;
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
                "retiredKeys",
                entry.retiredKeys().stream().map(DirectoryFields::retired).toList());
        return fields;
    }

    /**
     * The entry back from its fields. A document from before key histories kept {@code previousKeys} (keys alone): those
     * come back {@link RetiredKey.Ending#UNRECORDED}.
     */
    public static DirectoryEntry entry(Map<String, Object> fields) {
        List<RetiredKey> retired = new ArrayList<>();
        ((List<?>) fields.getOrDefault("previousKeys", List.of()))
                .forEach(key ->
                        retired.add(RetiredKey.unrecorded(Base64.getDecoder().decode((String) key))));
        ((List<?>) fields.getOrDefault("retiredKeys", List.of())).forEach(key -> retired.add(retired((Map<?, ?>) key)));
        return new DirectoryEntry(
                (String) fields.get("partyId"),
                PartyKind.valueOf((String) fields.get("kind")),
                (String) fields.get("institutionId"),
                Base64.getDecoder().decode((String) fields.get("publicKey")),
                Instant.parse((String) fields.get("since")),
                Boolean.TRUE.equals(fields.get("attested")),
                retired);
    }

    private static Map<String, Object> retired(RetiredKey key) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("publicKey", base64(key.publicKey()));
        fields.put("retiredAt", key.retiredAt() == null ? null : key.retiredAt().toString());
        fields.put("ended", key.ended().name());
        return fields;
    }

    private static RetiredKey retired(Map<?, ?> fields) {
        Object retiredAt = fields.get("retiredAt");
        return new RetiredKey(
                Base64.getDecoder().decode((String) fields.get("publicKey")),
                retiredAt == null ? null : Instant.parse((String) retiredAt),
                RetiredKey.Ending.valueOf((String) fields.get("ended")));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
