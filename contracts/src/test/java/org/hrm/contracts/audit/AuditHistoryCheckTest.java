package org.hrm.contracts.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.audit.AuditHistoryCheck.Finding;
import org.hrm.contracts.audit.AuditHistoryCheck.Kind;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.authority.AuditAuthority;
import org.hrm.contracts.events.AuditAnchored;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.crypto.P256KeyPair;
import org.junit.jupiter.api.Test;

class AuditHistoryCheckTest {
    private static final String PATIENT = "patient-alice";
    private static final String SOURCE = "hrm.ops.audit";

    private static final P256KeyPair CONSENT_KEY = P256KeyPair.generate();
    private static final AuditAuthority PRODUCERS = new AuditAuthority(
            CONSENT_KEY.publicKey(),
            AttestationKeys.of(Map.of("gateway-1", P256KeyPair.generate().publicKey())));

    private final Map<String, AuditHistoryCheck.AnchoredRoot> chain = new HashMap<>();
    private P256KeyPair signer = CONSENT_KEY;
    private final List<AuditEvent> events = new ArrayList<>();
    private final List<AuditAnchored> anchors = new ArrayList<>();

    @Test
    void verifiesAnIntactHistoryAnchoredInSeveralBatches() {
        anchorBatch(3, 1);
        anchorBatch(2, 4);

        AuditHistoryCheck.Report report = check(export());

        assertThat(report.findings()).isEmpty();
        assertThat(report.verified()).isEqualTo(5);
        assertThat(report.firstSequence()).isEqualTo(1);
        assertThat(report.lastSequence()).isEqualTo(5);
    }

    @Test
    void namesAChangedEntry() {
        anchorBatch(4, 1);
        AccessHistoryExport export = export();
        AccessHistoryExport.Entry original = export.entries().get(1);
        AuditEvent event = original.event();
        AuditEvent denied = new AuditEvent(
                event.id(),
                event.type(),
                event.subtype(),
                event.action(),
                event.recorded(),
                "4",
                "denied",
                event.agent(),
                event.entity(),
                null,
                false,
                event.domain(),
                event.patientId());

        AuditHistoryCheck.Report report = check(replace(export, 1, withEvent(original, denied)));

        assertThat(report.findings())
                .singleElement()
                .satisfies(finding -> assertThat(finding)
                        .extracting(Finding::kind, Finding::sequence, Finding::eventId)
                        .containsExactly(Kind.CHANGED, 2L, event.id()));
    }

    @Test
    void namesADroppedEntry() {
        anchorBatch(5, 1);
        AccessHistoryExport export = export();
        List<AccessHistoryExport.Entry> entries = new ArrayList<>(export.entries());
        entries.remove(2);

        AuditHistoryCheck.Report report = check(withEntries(export, entries));

        assertThat(report.findings())
                .singleElement()
                .satisfies(finding -> assertThat(finding)
                        .extracting(Finding::kind, Finding::sequence)
                        .containsExactly(Kind.DROPPED, 3L));
    }

    @Test
    void namesAnAddedEntryWhetherItBorrowsAProofOrHasNone() {
        anchorBatch(3, 1);
        AccessHistoryExport export = export();
        AccessHistoryExport.Entry borrowed = export.entries().get(0);
        AuditEvent forged = event();
        List<AccessHistoryExport.Entry> entries = new ArrayList<>(export.entries());
        entries.add(new AccessHistoryExport.Entry(SOURCE, 1, forged, borrowed.proof()));
        entries.add(new AccessHistoryExport.Entry(SOURCE, 4, event(), null));

        AuditHistoryCheck.Report report = check(withEntries(export, entries));

        assertThat(report.findings())
                .extracting(Finding::kind, Finding::sequence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.ADDED, 1L),
                        org.assertj.core.groups.Tuple.tuple(Kind.ADDED, 4L));
        assertThat(report.verified()).isEqualTo(3);
    }

    @Test
    void anEntryOfAnotherPatientDoesNotPassForThisOnes() {
        anchorBatch(2, 1);
        AccessHistoryExport export = export();

        AuditHistoryCheck.Report report =
                check(new AccessHistoryExport("patient-bob", Instant.EPOCH, export.entries(), 0));

        assertThat(report.findings()).hasSize(2).allMatch(finding -> finding.kind() == Kind.CHANGED);
    }

    @Test
    void withTheProducersKeysNamesAnAnchoredEntryItsProducerDidNotSign() {
        anchorBatch(2, 1);
        signer = P256KeyPair.generate(); // a writer that anchored what it should have refused
        anchorBatch(1, 3);
        signer = CONSENT_KEY;
        anchorBatch(1, 4);

        AuditHistoryCheck.Report withKeys =
                AuditHistoryCheck.check(export(), root -> Optional.ofNullable(chain.get(root)), PRODUCERS);

        assertThat(check(export()).intact()).isTrue();
        assertThat(withKeys.intact()).isFalse();
        assertThat(withKeys.verified()).isEqualTo(4);
        assertThat(withKeys.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.UNSIGNED);
            assertThat(finding.sequence()).isEqualTo(3L);
            assertThat(finding.reason()).isEqualTo("audit event not signed by consent-service's decision key");
        });
    }

    @Test
    void withTheProducersKeysAnIntactSignedHistoryStaysIntact() {
        anchorBatch(3, 1);

        assertThat(AuditHistoryCheck.check(export(), root -> Optional.ofNullable(chain.get(root)), PRODUCERS)
                        .findings())
                .isEmpty();
    }

    private AuditHistoryCheck.Report check(AccessHistoryExport export) {
        return AuditHistoryCheck.check(export, root -> Optional.ofNullable(chain.get(root)));
    }

    private AccessHistoryExport export() {
        return AccessHistoryExports.of(PATIENT, events, anchors, Instant.EPOCH);
    }

    /** Anchors {@code count} events of the patient, numbered from {@code first}, with an event of another patient. */
    private void anchorBatch(int count, long first) {
        List<String> leaves = new ArrayList<>();
        List<AuditAnchored.Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AuditEvent event = event();
            events.add(event);
            entries.add(new AuditAnchored.Entry(event.id(), SOURCE, PATIENT, first + i, leaves.size()));
            leaves.add(MerkleTree.hex(AuditLeaf.hash(SOURCE, first + i, event)));
        }
        AuditEvent other = new AuditEvent(
                UUID.randomUUID().toString(),
                "rest",
                "gateway",
                "R",
                Instant.EPOCH,
                "0",
                null,
                List.of(new AuditEvent.Agent("dr-chen", "practitioner", true)),
                List.of(),
                null,
                false,
                Domain.PATIENT,
                "patient-bob");
        entries.add(new AuditAnchored.Entry(other.id(), SOURCE, "patient-bob", 1, leaves.size()));
        leaves.add(MerkleTree.hex(AuditLeaf.hash(SOURCE, 1, other)));
        String root = MerkleTree.hex(
                MerkleTree.root(leaves.stream().map(MerkleTree::unhex).toList()));
        chain.put(root, new AuditHistoryCheck.AnchoredRoot(leaves.size(), "0xledger", "0xtx" + anchors.size()));
        anchors.add(new AuditAnchored(
                root, Domain.PATIENT, "0xledger", "0xtx" + anchors.size(), 10, 0, Instant.EPOCH, leaves, entries));
    }

    private AuditEvent event() {
        return new AuditEvent(
                        UUID.randomUUID().toString(),
                        "access",
                        "decision",
                        "R",
                        Instant.parse("2026-12-04T10:00:00.123456Z"),
                        "0",
                        "owner",
                        List.of(new AuditEvent.Agent("dr-chen", "practitioner", true)),
                        List.of(new AuditEvent.Entity(UUID.randomUUID().toString(), "record")),
                        "TREAT",
                        false,
                        Domain.PATIENT,
                        PATIENT)
                .signedBy(signer);
    }

    private static AccessHistoryExport.Entry withEvent(AccessHistoryExport.Entry entry, AuditEvent event) {
        return new AccessHistoryExport.Entry(entry.source(), entry.sequence(), event, entry.proof());
    }

    private static AccessHistoryExport replace(AccessHistoryExport export, int index, AccessHistoryExport.Entry entry) {
        List<AccessHistoryExport.Entry> entries = new ArrayList<>(export.entries());
        entries.set(index, entry);
        return withEntries(export, entries);
    }

    private static AccessHistoryExport withEntries(
            AccessHistoryExport export, List<AccessHistoryExport.Entry> entries) {
        return new AccessHistoryExport(export.patientId(), export.exportedAt(), entries, export.unanchored());
    }
}
