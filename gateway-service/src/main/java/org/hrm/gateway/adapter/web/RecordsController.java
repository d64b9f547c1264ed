package org.hrm.gateway.adapter.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import org.hrm.contracts.RecordLimits;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.gateway.adapter.RecordMapping;
import org.hrm.gateway.application.GatewayAudit;
import org.hrm.gateway.application.GatewayCommands;
import org.hrm.gateway.application.RecordBook;
import org.hrm.gateway.application.RecordView;
import org.hrm.gateway.application.Views;
import org.hrm.gateway.config.GatewayProperties;
import org.hrm.gateway.domain.AccessPolicy;
import org.hrm.gateway.domain.Action;
import org.hrm.gateway.domain.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Submitting records (for systems that cannot produce to Kafka), a record's status, an owner's records. */
@RestController
class RecordsController {
    private final GatewayCommands commands;
    private final RecordBook records;
    private final GatewayAudit audit;
    private final RateLimits limits;
    private final String transactionLink;

    RecordsController(
            GatewayCommands commands,
            Views views,
            GatewayAudit audit,
            RateLimits limits,
            GatewayProperties properties) {
        this.commands = commands;
        this.records = views.records();
        this.audit = audit;
        this.limits = limits;
        this.transactionLink = properties.transactionLink();
    }

    /**
     * The body is the RecordSubmitted JSON the SDK writes: encrypted and signed by the author's client. A record over
     * 4 MiB of plaintext ({@link RecordLimits}) is refused with 413, before the body is parsed when it is larger than
     * any event of such a record can be.
     */
    @PostMapping(path = "/api/records", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RecordStatusJson> submit(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = RecordSubmitted.class)))
                    @RequestBody
                    byte[] body) {
        Caller caller = Callers.current();
        if (body.length > RecordLimits.MAX_EVENT_BYTES) {
            throw tooLarge("record too large: a submission of " + body.length + " bytes, the limit is "
                    + RecordLimits.MAX_EVENT_BYTES + " bytes (a record of 4 MiB of plaintext)");
        }
        RecordSubmitted event = StrictJson.read(body, RecordSubmitted.class);
        RecordLimits.innerCiphertextRefusal(event.innerCiphertext().length).ifPresent(reason -> {
            throw tooLarge(reason);
        });
        AccessPolicy.checkFor(caller, Action.SUBMIT, event.authorId());
        limits.take(caller, "submit");
        if (records.find(event.recordId()).filter(RecordView::submissionKnown).isPresent()) {
            throw new ApiProblem(
                    HttpStatus.CONFLICT, "conflict", "record " + event.recordId() + " was submitted already");
        }
        commands.submit(SignedStatements.of(event));
        records.submitted(RecordMapping.submission(event)); // seen at once; the topic reader sees it again
        audit.record(
                caller,
                "C",
                "record submitted",
                event.domain(),
                event.ownerId(),
                GatewayAudit.records(List.of(event.recordId())));
        RecordView view = records.find(event.recordId()).orElseThrow();
        return ResponseEntity.accepted()
                .location(URI.create("/api/records/" + event.recordId()))
                .body(RecordStatusJson.of(view, transactionLink, false));
    }

    private static ApiProblem tooLarge(String detail) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "record too large", detail);
    }

    @GetMapping("/api/records/{recordId}")
    RecordStatusJson status(@PathVariable String recordId) {
        Caller caller = Callers.current();
        RecordView view = RecordLookups.known(records, recordId);
        AccessPolicy.checkStatus(caller, view.ownerId(), view.authorId());
        audit.record(
                caller,
                "R",
                "record status read",
                view.domain(),
                view.ownerId(),
                GatewayAudit.records(List.of(recordId)));
        return RecordStatusJson.of(view, transactionLink, caller.isParty(view.ownerId()));
    }

    @GetMapping("/api/owners/{ownerId}/records")
    List<RecordStatusJson> ownedBy(@PathVariable String ownerId) {
        Caller caller = Callers.current();
        AccessPolicy.checkFor(caller, Action.READ_OWNER_DATA, ownerId);
        List<RecordView> owned = records.ownedBy(ownerId);
        if (!owned.isEmpty()) {
            audit.record(
                    caller,
                    "R",
                    "record list read",
                    owned.get(0).domain(),
                    ownerId,
                    GatewayAudit.records(
                            owned.stream().map(RecordView::recordId).toList()));
        }
        return owned.stream()
                .map(view -> RecordStatusJson.of(view, transactionLink, true))
                .toList();
    }
}
