package org.hrm.gateway.adapter.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.gateway.application.Attester;
import org.hrm.gateway.application.DirectoryBook;
import org.hrm.gateway.application.ErasureBook;
import org.hrm.gateway.application.ErasureRequest;
import org.hrm.gateway.application.ErasureView;
import org.hrm.gateway.application.GatewayAudit;
import org.hrm.gateway.application.GatewayCommands;
import org.hrm.gateway.application.RecordBook;
import org.hrm.gateway.application.Views;
import org.hrm.gateway.domain.AccessPolicy;
import org.hrm.gateway.domain.Action;
import org.hrm.gateway.domain.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Erasure of one record or all of an owner's records in a domain, its progress, and the vault's signed receipt. */
@RestController
class ErasureController {
    private final GatewayCommands commands;
    private final RecordBook records;
    private final ErasureBook erasures;
    private final DirectoryBook directory;
    private final GatewayAudit audit;
    private final RateLimits limits;
    private final Clock clock;
    private final Attester attester;

    ErasureController(
            GatewayCommands commands,
            Attester attester,
            Views views,
            GatewayAudit audit,
            RateLimits limits,
            Clock clock) {
        this.commands = commands;
        this.attester = attester;
        this.records = views.records();
        this.erasures = views.erasures();
        this.directory = views.directory();
        this.audit = audit;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * One record ({@code recordId}), or all of the owner's records in the domain ({@code recordId} absent). An owner
     * who holds the key signs the request (the portal does so in the browser): {@code requestId}, {@code requestedAt}
     * and {@code ownerSignature} over the ErasureRequested signed bytes. Without them the gateway attests its caller.
     */
    record ErasureBody(Domain domain, String recordId, String requestId, Instant requestedAt, byte[] ownerSignature) {
        boolean signed() {
            return requestId != null || requestedAt != null || ownerSignature != null;
        }
    }

    /**
     * How far an owner-signed request's time may be from the gateway's clock: as the attestation window. The vault
     * checks only the signature (ids absorb replays), so this keeps a signed request captured now from being handed
     * in through the API much later.
     */
    static final Duration SIGNED_REQUEST_WINDOW = Duration.ofMinutes(5);

    @PostMapping(path = "/api/owners/{ownerId}/erasures", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ErasureJson> erase(
            @PathVariable String ownerId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = ErasureBody.class)))
                    @RequestBody
                    byte[] body) {
        Caller caller = Callers.current();
        AccessPolicy.checkFor(caller, Action.ERASE, ownerId);
        ErasureBody request = StrictJson.read(body, ErasureBody.class);
        if (request.domain() == null) {
            throw ApiProblem.badRequest("domain is required (PATIENT or PRACTITIONER)");
        }
        if (request.recordId() != null) {
            RecordLookups.owned(records, request.recordId(), ownerId);
        }
        limits.take(caller, "erase");
        ErasureRequested event = request.signed() ? ownerSigned(ownerId, request) : attested(caller, ownerId, request);
        commands.requestErasure(event);
        erasures.requested(new ErasureRequest(
                event.requestId(),
                event.domain(),
                event.ownerId(),
                event.recordId(),
                event.requestedAt(),
                event.ownerSignature() != null,
                event.attestation() != null));
        List<AuditEvent.Entity> entities = request.recordId() == null
                ? List.of(new AuditEvent.Entity(event.requestId(), "request"))
                : GatewayAudit.records(List.of(request.recordId()));
        audit.record(
                caller,
                "D",
                request.recordId() == null ? "erasure of all records requested" : "erasure requested",
                request.domain(),
                ownerId,
                entities);
        return ResponseEntity.accepted()
                .location(URI.create("/api/erasures/" + event.requestId()))
                .body(ErasureJson.of(erasures.find(event.requestId()).orElseThrow()));
    }

    /** The owner's own request, refused here if it would not authorize anything (a stale key, a changed field). */
    private ErasureRequested ownerSigned(String ownerId, ErasureBody request) {
        if (request.requestId() == null || request.requestedAt() == null || request.ownerSignature() == null) {
            throw ApiProblem.badRequest(
                    "a signed erasure request needs requestId, requestedAt and ownerSignature together");
        }
        ErasureRequested event;
        try {
            event = new ErasureRequested(
                    request.requestId(),
                    request.domain(),
                    ownerId,
                    request.recordId(),
                    request.requestedAt(),
                    request.ownerSignature(),
                    null);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid erasure request: " + e.getMessage());
        }
        if (Duration.between(event.requestedAt(), clock.instant()).abs().compareTo(SIGNED_REQUEST_WINDOW) > 0) {
            throw ApiProblem.badRequest("requestedAt " + event.requestedAt() + " is more than "
                    + SIGNED_REQUEST_WINDOW.toMinutes() + " minutes from the gateway's clock; sign a fresh request");
        }
        if (erasures.find(event.requestId()).isPresent()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "conflict", "erasure request " + event.requestId() + " exists");
        }
        DirectoryEntry owner = directory
                .party(ownerId)
                .orElseThrow(() -> ApiProblem.badRequest(ownerId + " is not registered, so nothing can check its key"));
        // The vault's rule: only the owner's current key authorizes (an earlier key may have leaked).
        if (!event.signedBy(owner.publicKey())) {
            throw ApiProblem.badRequest("the owner signature does not verify under " + ownerId
                    + "'s current key (was the key rotated? load the current key file)");
        }
        return event;
    }

    /** An owner without a key at hand: the gateway attests that its authenticated caller is the owner. */
    private ErasureRequested attested(Caller caller, String ownerId, ErasureBody request) {
        return attester.erasure(
                caller,
                new ErasureRequested(
                        UUID.randomUUID().toString(),
                        request.domain(),
                        ownerId,
                        request.recordId(),
                        clock.instant(),
                        null,
                        null));
    }

    @GetMapping("/api/erasures/{requestId}")
    ErasureJson status(@PathVariable String requestId) {
        return ErasureJson.of(own(requestId));
    }

    /** The vault's signed receipt as the vault wrote it (EventCodec JSON, byte for byte), to keep as a file. */
    @GetMapping("/api/erasures/{requestId}/receipt")
    ResponseEntity<byte[]> receipt(@PathVariable String requestId) {
        Caller caller = Callers.current();
        ErasureView erasure = own(requestId);
        if (erasure.receipt() == null) {
            throw ApiProblem.notFound("the vault has not issued the receipt of " + requestId + " yet");
        }
        audit.record(
                caller,
                "R",
                "erasure receipt downloaded",
                erasure.domain(),
                erasure.ownerId(),
                GatewayAudit.records(erasure.receipt().recordIds()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"erasure-receipt-" + requestId + ".json\"")
                .body(erasure.receipt().event());
    }

    private ErasureView own(String requestId) {
        Caller caller = Callers.current();
        ErasureView erasure = erasures.find(requestId)
                .orElseThrow(() -> ApiProblem.notFound("no erasure request " + requestId + " is known"));
        AccessPolicy.checkFor(caller, Action.ERASE, erasure.ownerId());
        return erasure;
    }
}
