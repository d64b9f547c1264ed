package org.hrm.gateway.adapter.web;

import java.util.List;
import java.util.Map;
import org.hrm.contracts.audit.AccessHistoryExport;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.gateway.application.AuditBook;
import org.hrm.gateway.application.OpsSource;
import org.hrm.gateway.application.Views;
import org.hrm.gateway.domain.AccessPolicy;
import org.hrm.gateway.domain.Action;
import org.hrm.gateway.domain.Caller;
import org.hrm.gateway.domain.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Who the caller is, the owner's access history (from the audit topics) and its export with proofs, and the operators' dashboard figures. */
@RestController
class AccountController {
    private final AuditBook audit;
    private final OpsSource ops;

    AccountController(Views views, OpsSource ops) {
        this.audit = views.audit();
        this.ops = ops;
    }

    @GetMapping("/api/me")
    Map<String, Object> me() {
        Caller caller = Callers.current();
        return Map.of(
                "partyId",
                caller.partyId(),
                "roles",
                caller.roles().stream().map(Role::claim).sorted().toList());
    }

    /** Newest first: consent-service's decisions, grants and erasures, and the gateway's requests, on this owner. */
    @GetMapping("/api/owners/{ownerId}/access-history")
    List<AuditEvent> accessHistory(@PathVariable String ownerId) {
        AccessPolicy.checkFor(Callers.current(), Action.READ_OWNER_DATA, ownerId);
        return AccessHistory.events(audit.of(ownerId));
    }

    /**
     * The owner's history as anchored on chain (sequence numbers and Merkle proofs), for
     * {@code ./hrm verify-chain --audit FILE}: the owner's token only.
     */
    @GetMapping("/api/owners/{ownerId}/access-history/export")
    AccessHistoryExport accessHistoryExport(@PathVariable String ownerId) {
        AccessPolicy.checkFor(Callers.current(), Action.READ_OWNER_DATA, ownerId);
        return AccessHistory.export(audit.export(ownerId));
    }

    @GetMapping("/api/ops/overview")
    OpsSource.Snapshot overview() {
        AccessPolicy.check(Callers.current(), Action.OPERATE);
        return ops.snapshot();
    }
}
