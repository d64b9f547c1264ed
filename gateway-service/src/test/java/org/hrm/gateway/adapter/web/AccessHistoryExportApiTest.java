package org.hrm.gateway.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.audit.AccessHistoryExport;
import org.hrm.contracts.audit.AccessHistoryExports;
import org.hrm.contracts.audit.AuditHistoryCheck;
import org.hrm.contracts.audit.AuditLeaf;
import org.hrm.contracts.audit.MerkleTree;
import org.hrm.contracts.events.AuditAnchored;
import org.hrm.contracts.events.AuditEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AccessHistoryExportApiTest extends ApiTestSupport {

    @Test
    void theOwnersExportCarriesEachAnchoredEventWithAProofThatVerifies() throws Exception {
        AuditEvent anchored = event();
        AuditEvent recent = event();
        audited(anchored);
        audited(recent);
        String leaf = MerkleTree.hex(AuditLeaf.hash("hrm.ops.gateway-audit", 1, anchored));
        String root = MerkleTree.hex(MerkleTree.root(List.of(MerkleTree.unhex(leaf))));
        views.audit()
                .anchored(AccessHistoryExports.places(new AuditAnchored(
                        root,
                        Domain.PATIENT,
                        "0xledger",
                        "0xtx",
                        7,
                        0,
                        Instant.EPOCH,
                        List.of(leaf),
                        List.of(new AuditAnchored.Entry(
                                anchored.id(), "hrm.ops.gateway-audit", "patient-export", 1, 0)))));

        String body = mvc.perform(
                        getAs("patient-export", "patient", "/api/owners/patient-export/access-history/export"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        AccessHistoryExport export = JsonMapper.builder().build().readValue(body, AccessHistoryExport.class);
        assertThat(export.entries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.event().id()).isEqualTo(anchored.id()));
        assertThat(export.unanchored()).isEqualTo(1);
        AuditHistoryCheck.Report report = AuditHistoryCheck.check(
                export,
                candidate -> candidate.equals(root)
                        ? Optional.of(new AuditHistoryCheck.AnchoredRoot(1, "0xledger", "0xtx"))
                        : Optional.empty());
        assertThat(report.findings()).isEmpty();
        assertThat(report.verified()).isEqualTo(1);
    }

    private static AuditEvent event() {
        return new AuditEvent(
                UUID.randomUUID().toString(),
                "rest",
                "gateway",
                "R",
                Instant.parse("2026-12-04T17:00:00.123456789Z"),
                "0",
                "listed records",
                List.of(new AuditEvent.Agent("patient-export", "patient", true)),
                List.of(),
                null,
                false,
                Domain.PATIENT,
                "patient-export");
    }
}
