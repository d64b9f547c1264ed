package org.hrm.gateway.adapter.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.GrantShare;
import org.hrm.contracts.events.StandingGrants;
import org.hrm.gateway.application.DirectoryBook;
import org.hrm.gateway.application.GatewayAudit;
import org.hrm.gateway.application.GatewayCommands;
import org.hrm.gateway.application.OwnerGrants;
import org.hrm.gateway.application.RecordBook;
import org.hrm.gateway.application.Views;
import org.hrm.gateway.domain.AccessPolicy;
import org.hrm.gateway.domain.Action;
import org.hrm.gateway.domain.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grants and revocations, signed by the owner in the browser (the gateway cannot sign for anyone: consent-service
 * checks the owner's signature); the owner's standing grants; and the records shared with the caller.
 */
@RestController
class GrantsController {
    private final GatewayCommands commands;
    private final RecordBook records;
    private final DirectoryBook directory;
    private final GatewayAudit audit;

    GrantsController(GatewayCommands commands, Views views, GatewayAudit audit) {
        this.commands = commands;
        this.records = views.records();
        this.directory = views.directory();
        this.audit = audit;
    }

    @PostMapping(path = "/api/grants", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> grant(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = ConsentGranted.class)))
                    @RequestBody
                    byte[] body) {
        Caller caller = Callers.current();
        ConsentGranted grant = StrictJson.read(body, ConsentGranted.class);
        AccessPolicy.checkFor(caller, Action.GRANT, grant.ownerId());
        List<String> covered = new ArrayList<>(grant.scope().recordIds());
        grant.shares().stream().map(GrantShare::recordId).forEach(covered::add);
        covered.forEach(recordId -> RecordLookups.owned(records, recordId, grant.ownerId()));
        commands.grant(grant);
        audit.record(
                caller,
                "C",
                "grant to " + grant.granteeId() + " sent",
                grant.domain(),
                grant.ownerId(),
                GatewayAudit.records(covered.stream().distinct().toList()));
        return ResponseEntity.accepted()
                .location(URI.create("/api/owners/" + grant.ownerId() + "/grants?domain=" + grant.domain()))
                .body(java.util.Map.of("grantId", grant.grantId(), "status", "sent"));
    }

    @PostMapping(path = "/api/grants/{grantId}/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> revoke(
            @PathVariable String grantId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = ConsentRevoked.class)))
                    @RequestBody
                    byte[] body) {
        Caller caller = Callers.current();
        ConsentRevoked revocation = StrictJson.read(body, ConsentRevoked.class);
        if (!revocation.grantId().equals(grantId)) {
            throw ApiProblem.badRequest("the body revokes " + revocation.grantId() + ", the path names " + grantId);
        }
        AccessPolicy.checkFor(caller, Action.GRANT, revocation.ownerId());
        commands.revoke(revocation);
        audit.record(
                caller,
                "U",
                "revocation of grant " + grantId + " sent",
                revocation.domain(),
                revocation.ownerId(),
                List.of(new org.hrm.contracts.events.AuditEvent.Entity(grantId, "grant")));
        return ResponseEntity.accepted()
                .location(URI.create("/api/owners/" + revocation.ownerId() + "/grants?domain=" + revocation.domain()))
                .body(java.util.Map.of("grantId", grantId, "status", "revocation sent"));
    }

    /** consent-service's standing (unexpired, unrevoked) grants of the owner in one domain. */
    @GetMapping("/api/owners/{ownerId}/grants")
    StandingGrants standing(@PathVariable String ownerId, @RequestParam(defaultValue = "PATIENT") Domain domain) {
        AccessPolicy.checkFor(Callers.current(), Action.READ_OWNER_DATA, ownerId);
        return directory
                .grantsOf(domain, ownerId)
                .map(GrantsController::standing)
                .orElseGet(() -> new StandingGrants(ownerId, domain, List.of(), java.time.Instant.EPOCH));
    }

    /** The grants as consent-service published them. */
    private static StandingGrants standing(OwnerGrants grants) {
        return new StandingGrants(
                grants.ownerId(),
                grants.domain(),
                grants.grantees().stream()
                        .map(grantee -> new StandingGrants.Grantee(
                                grantee.granteeId(),
                                grantee.publicKey(),
                                grantee.grantId(),
                                new GrantScope(
                                        grantee.scope().recordIds(),
                                        grantee.scope().category()),
                                grantee.expiresAt()))
                        .toList(),
                grants.updatedAt());
    }

    /** Records others granted to the caller and that are not erased: the doctor's view. */
    @GetMapping("/api/shared-with-me")
    List<RecordStatusJson> sharedWithMe() {
        Caller caller = Callers.current();
        AccessPolicy.check(caller, Action.FETCH);
        List<RecordStatusJson> shared = new ArrayList<>();
        for (DirectoryBook.Granted granted : directory.grantedTo(caller.partyId())) {
            records.ownedBy(granted.ownerId()).stream()
                    .filter(view -> view.domain() == granted.domain() && !view.erased())
                    .filter(view -> granted.grant().scope().covers(view.recordId(), view.category()))
                    .map(view -> RecordStatusJson.of(view, "", false))
                    .filter(view ->
                            shared.stream().noneMatch(known -> known.recordId().equals(view.recordId())))
                    .forEach(shared::add);
        }
        return shared;
    }
}
