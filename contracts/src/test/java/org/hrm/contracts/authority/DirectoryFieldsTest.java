package org.hrm.contracts.authority;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.events.PartyKind;
import org.hrm.crypto.P256KeyPair;
import org.junit.jupiter.api.Test;

class DirectoryFieldsTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

    private final P256KeyPair old = P256KeyPair.generate();
    private final P256KeyPair lost = P256KeyPair.generate();
    private final P256KeyPair now = P256KeyPair.generate();

    @Test
    void anEntryKeepsHowAndWhenEachEarlierKeyEnded() {
        DirectoryEntry entry = new DirectoryEntry(
                "patient-alice",
                PartyKind.PATIENT,
                null,
                now.publicKey(),
                T0.plusSeconds(20),
                true,
                List.of(
                        new RetiredKey(old.publicKey(), T0.plusSeconds(10), RetiredKey.Ending.ROTATED),
                        new RetiredKey(lost.publicKey(), T0.plusSeconds(20), RetiredKey.Ending.REPORTED_LOST)));

        DirectoryEntry back = DirectoryFields.entry(DirectoryFields.of(entry));

        assertThat(back.retiredKeys()).isEqualTo(entry.retiredKeys());
        assertThat(back.publicKey()).isEqualTo(now.publicKey());
        assertThat(back.since()).isEqualTo(entry.since());
    }

    @Test
    void aDocumentWithKeysAloneReadsBackAsUnrecordedEndings() {
        Map<String, Object> fields = new LinkedHashMap<>(DirectoryFields.of(
                new DirectoryEntry("patient-alice", PartyKind.PATIENT, null, now.publicKey(), T0, true, List.of())));
        fields.remove("retiredKeys");
        fields.put("previousKeys", List.of(Base64.getEncoder().encodeToString(old.publicKey())));

        assertThat(DirectoryFields.entry(fields).retiredKeys()).containsExactly(RetiredKey.unrecorded(old.publicKey()));
    }
}
