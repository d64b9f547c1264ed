package org.hrm.gateway.adapter.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.gateway.application.DirectoryBook;
import org.hrm.gateway.application.Fetches;
import org.hrm.gateway.application.GatewayAudit;
import org.hrm.gateway.application.RecordBook;
import org.hrm.gateway.application.RecordView;
import org.hrm.gateway.application.Release;
import org.hrm.gateway.application.ReleaseAnswers;
import org.hrm.gateway.application.Views;
import org.hrm.gateway.domain.AccessPolicy;
import org.hrm.gateway.domain.Action;
import org.hrm.gateway.domain.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fetch: asks for a record as the caller and answers the vault's answer: 200 with C1 sealed to the caller and the
 * caller's share (plus the owner id and the author's provenance data the browser needs to open and verify it), 403
 * with the reason, 410 for an erased record, or 202 with the request to poll. A release is handed out once, then
 * forgotten. The release is handed out as the vault wrote it, byte for byte: the gateway decodes it to read its
 * provenance but never re-encodes it.
 *
 * <p>Provenance comes from the release first (the vault keeps what it sealed and hands it out with every release), so
 * it holds after record-submitted (one hour) dropped the submission and a restarted gateway's view lacks it; for a
 * record sealed before the vault kept it, from the gateway's view (the submission the vault sealed). A record the
 * gateway saw sealed but whose submission it no longer has is fetched all the same. The browser verifies either
 * against the author's key; the signature covers SHA-256 of C1, so provenance of another record fails there.
 */
@RestController
class FetchController {
    static final String ERASED = "record erased";

    private final EventCodec codec = new EventCodec();
    private final Fetches fetches;
    private final RecordBook records;
    private final DirectoryBook directory;
    private final ReleaseAnswers answers;
    private final GatewayAudit audit;
    private final RateLimits limits;

    FetchController(Fetches fetches, Views views, GatewayAudit audit, RateLimits limits) {
        this.fetches = fetches;
        this.records = views.records();
        this.directory = views.directory();
        this.answers = views.answers();
        this.audit = audit;
        this.limits = limits;
    }

    /** Why and how the caller asks; both optional (purpose TREAT, no emergency). */
    record FetchBody(String purpose, String emergencyReason) {}

    /** The released record (the vault's event as it wrote it) with what the browser needs besides it. */
    record Released(
            String requestId,
            String ownerId,

            @Schema(implementation = RecordReleased.class) @JsonRawValue
            String released,

            Provenance provenance) {}

    /**
     * The author's signature over the record as submitted, the author's current key and earlier keys to check it with,
     * and when the vault sealed the record (which decides whether a key the author reported lost still counts).
     */
    record Provenance(
            String authorId,
            byte[] authorPublicKey,
            byte[] authorSignature,
            List<KeyShare> shares,
            List<RetiredKeyJson> authorRetiredKeys,
            Instant sealedAt) {}

    @PostMapping("/api/records/{recordId}/fetch")
    ResponseEntity<?> fetch(
            @PathVariable String recordId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = FetchBody.class)))
                    @RequestBody(required = false)
                    byte[] body) {
        Caller caller = Callers.current();
        AccessPolicy.check(caller, Action.FETCH);
        FetchBody request =
                body == null || body.length == 0 ? new FetchBody(null, null) : StrictJson.read(body, FetchBody.class);
        RecordView record = RecordLookups.seen(records, recordId);
        limits.take(caller, "fetch");
        String purpose = request.purpose() == null || request.purpose().isBlank() ? "TREAT" : request.purpose();
        ReleaseAnswers.Pending pending = fetches.fetch(record, caller, purpose, request.emergencyReason());
        audit.record(
                caller,
                "R",
                "record fetch requested (" + purpose + ")",
                record.domain(),
                record.ownerId(),
                GatewayAudit.records(List.of(recordId)));
        return answer(pending, record);
    }

    @GetMapping("/api/access-requests/{requestId}")
    ResponseEntity<?> poll(@PathVariable String requestId) {
        Caller caller = Callers.current();
        ReleaseAnswers.Pending pending = answers.find(requestId)
                .filter(request -> caller.isParty(request.requesterId()))
                .orElseThrow(() -> ApiProblem.notFound("no access request " + requestId + " of yours is known"));
        RecordView record = records.find(pending.recordId()).orElseThrow();
        return answer(pending, record);
    }

    private ResponseEntity<?> answer(ReleaseAnswers.Pending pending, RecordView record) {
        ReleaseAnswers.Answer answer = pending.answer().getNow(null);
        if (answer == null) {
            return ResponseEntity.accepted()
                    .location(URI.create("/api/access-requests/" + pending.requestId()))
                    .body(java.util.Map.of("requestId", pending.requestId(), "status", "pending"));
        }
        if (answer.denied() != null) {
            String reason = answer.denied();
            if (ERASED.equals(reason)) {
                throw new ApiProblem(HttpStatus.GONE, "gone", reason);
            }
            throw new ApiProblem(HttpStatus.FORBIDDEN, "access denied", reason);
        }
        answers.forget(pending.requestId());
        Release release = answer.released();
        RecordReleased released = codec.decode(release.event(), RecordReleased.class);
        String ownerId = released.carriesProvenance() ? released.ownerId() : record.ownerId();
        return ResponseEntity.ok(new Released(
                pending.requestId(),
                ownerId,
                new String(release.event(), StandardCharsets.UTF_8),
                provenance(released, record)));
    }

    /** The release's provenance, else the view's; null when neither has one (the browser then shows no record). */
    private Provenance provenance(RecordReleased released, RecordView record) {
        if (released.carriesProvenance()) {
            return provenance(released.authorId(), released.authorSignature(), released.shares(), record.sealedAt());
        }
        if (!record.submissionKnown()) {
            return null;
        }
        List<KeyShare> shares =
                record.shares().stream().map(RecordStatusJson::keyShare).toList();
        return provenance(record.authorId(), record.authorSignature(), shares, record.sealedAt());
    }

    private Provenance provenance(String authorId, byte[] signature, List<KeyShare> shares, Instant sealedAt) {
        DirectoryEntry author = directory.party(authorId).orElse(null);
        return new Provenance(
                authorId,
                author == null ? null : author.publicKey(),
                signature,
                shares,
                author == null ? List.of() : RetiredKeyJson.of(author),
                sealedAt);
    }
}
