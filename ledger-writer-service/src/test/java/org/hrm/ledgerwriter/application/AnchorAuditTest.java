package org.hrm.ledgerwriter.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.audit.AccessHistoryExport;
import org.hrm.contracts.audit.AccessHistoryExports;
import org.hrm.contracts.audit.AuditHistoryCheck;
import org.hrm.contracts.audit.AuditLeaf;
import org.hrm.contracts.events.AuditAnchored;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.ledgerwriter.domain.GasModel;
import org.junit.jupiter.api.Test;

class AnchorAuditTest {
    private static final Map<Domain, String> CONTRACTS =
            Map.of(Domain.PATIENT, "0xpatient", Domain.PRACTITIONER, "0xpractitioner");
    private static final String CONSENT = "hrm.ops.audit";
    private static final String GATEWAY = "hrm.ops.gateway-audit";

    private final FakeChain chain = new FakeChain();
    private final FakeAuditIndex index = new FakeAuditIndex();
    private final List<AuditAnchorPublisher.AnchoredTree> published = new ArrayList<>();
    private final AnchorAudit useCase = new AnchorAudit(
            new SigningLane(chain),
            index,
            published::addAll,
            new GasModel(10),
            50,
            CONTRACTS,
            Clock.fixed(Instant.parse("2026-12-04T17:00:00Z"), ZoneOffset.UTC));
    private final List<AuditEvent> events = new ArrayList<>();

    @Test
    void anchorsOneTreePerDomainAndNumbersEachPatientsEventsAcrossBothTopics() {
        List<AuditedEvent> batch = List.of(
                audited(CONSENT, "patient-alice", Domain.PATIENT),
                audited(GATEWAY, "patient-alice", Domain.PATIENT),
                audited(CONSENT, "patient-bob", Domain.PATIENT),
                audited(CONSENT, "patient-alice", Domain.PATIENT),
                audited(GATEWAY, "dr-chen", Domain.PRACTITIONER));

        useCase.anchor(batch);

        assertThat(chain.broadcasts)
                .extracting(SignedTransaction::contract)
                .containsExactly("0xpatient", "0xpractitioner");
        assertThat(published).hasSize(2);
        AuditTree patients = published.get(0).tree();
        assertThat(patients.leafHashes()).hasSize(4);
        assertThat(patients.claims())
                .filteredOn(claim -> claim.patientId().equals("patient-alice"))
                .extracting(AuditClaim::sequence)
                .containsExactly(1L, 2L, 3L);
        assertThat(published.get(0).commit().entryId()).isEqualTo(patients.root());
        assertThat(index.entries(Domain.PATIENT).get(patients.root())).isInstanceOf(IndexEntry.Committed.class);
    }

    @Test
    void aPatientsExportBuiltFromThePublishedTreesVerifiesAgainstTheAnchoredRoots() {
        useCase.anchor(List.of(
                audited(CONSENT, "patient-alice", Domain.PATIENT), audited(CONSENT, "patient-bob", Domain.PATIENT)));
        useCase.anchor(List.of(audited(GATEWAY, "patient-alice", Domain.PATIENT)));

        AccessHistoryExport export = AccessHistoryExports.of("patient-alice", events, anchoredEvents(), Instant.EPOCH);
        AuditHistoryCheck.Report report = AuditHistoryCheck.check(export, this::onChain);

        assertThat(report.findings()).isEmpty();
        assertThat(report.verified()).isEqualTo(2);
        assertThat(report.lastSequence()).isEqualTo(2);
    }

    @Test
    void aRedeliveredBatchKeepsItsNumbersAndTreeAndIsAnchoredOnce() {
        List<AuditedEvent> batch = List.of(
                audited(CONSENT, "patient-alice", Domain.PATIENT), audited(GATEWAY, "patient-alice", Domain.PATIENT));
        useCase.anchor(batch);

        useCase.anchor(batch);
        useCase.anchor(List.of(audited(CONSENT, "patient-alice", Domain.PATIENT)));

        assertThat(chain.broadcasts).hasSize(2);
        assertThat(published.get(1).tree()).isEqualTo(published.get(0).tree());
        assertThat(published.get(1).commit()).isEqualTo(published.get(0).commit());
        assertThat(published.get(2).tree().claims())
                .singleElement()
                .extracting(AuditClaim::sequence)
                .isEqualTo(3L);
    }

    @Test
    void anEventInATreeWhoseTransactionCanNeverLandIsAnchoredAgainUnderTheSameNumber() {
        AuditedEvent event = audited(CONSENT, "patient-alice", Domain.PATIENT);
        chain.reverting.add("0xtx0-0xpatient");
        try {
            useCase.anchor(List.of(event));
        } catch (LedgerWriteException expected) {
            // the batch is redelivered
        }

        useCase.anchor(List.of(event));

        assertThat(published).singleElement().satisfies(anchored -> {
            assertThat(anchored.commit().transactionHash()).isNotEqualTo("0xtx0-0xpatient");
            assertThat(anchored.tree().claims())
                    .singleElement()
                    .extracting(AuditClaim::sequence)
                    .isEqualTo(1L);
        });
    }

    private Optional<AuditHistoryCheck.AnchoredRoot> onChain(String root) {
        return chain.mined.values().stream()
                .filter(receipt -> receipt.succeeded()
                        && receipt.logs().stream().anyMatch(log -> log.entryId().equals(root)))
                .findFirst()
                .map(receipt -> new AuditHistoryCheck.AnchoredRoot(
                        index.trees.get(root).leafHashes().size(), "0xpatient", receipt.transactionHash()));
    }

    private List<AuditAnchored> anchoredEvents() {
        return published.stream()
                .map(anchored -> {
                    AuditTree tree = anchored.tree();
                    List<AuditAnchored.Entry> entries = new ArrayList<>();
                    for (int i = 0; i < tree.claims().size(); i++) {
                        AuditClaim claim = tree.claims().get(i);
                        entries.add(new AuditAnchored.Entry(
                                claim.eventId(), claim.source(), claim.patientId(), claim.sequence(), i));
                    }
                    return new AuditAnchored(
                            tree.root(),
                            tree.domain(),
                            anchored.commit().contractAddress(),
                            anchored.commit().transactionHash(),
                            anchored.commit().blockNumber(),
                            anchored.commit().logIndex(),
                            anchored.commit().committedAt(),
                            tree.leafHashes(),
                            entries);
                })
                .toList();
    }

    private AuditedEvent audited(String source, String patientId, Domain domain) {
        AuditEvent event = new AuditEvent(
                UUID.randomUUID().toString(),
                "rest",
                "gateway",
                "R",
                Instant.parse("2026-12-04T16:59:00Z"),
                "0",
                null,
                List.of(new AuditEvent.Agent("dr-chen", "practitioner", true)),
                List.of(),
                null,
                false,
                domain,
                patientId);
        events.add(event);
        return new AuditedEvent(
                event.id(), source, patientId, domain, sequence -> AuditLeaf.hash(source, sequence, event));
    }
}
