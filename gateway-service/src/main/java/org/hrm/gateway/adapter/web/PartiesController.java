package org.hrm.gateway.adapter.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.gateway.application.DirectoryBook;
import org.hrm.gateway.application.GatewayCommands;
import org.hrm.gateway.application.Views;
import org.hrm.gateway.domain.AccessPolicy;
import org.hrm.gateway.domain.AccessRefused;
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

/** The party directory: publish one's own public key; look up another party's (to rewrap a share to it). */
@RestController
class PartiesController {
    private final GatewayCommands commands;
    private final DirectoryBook directory;

    PartiesController(GatewayCommands commands, Views views) {
        this.commands = commands;
        this.directory = views.directory();
    }

    /** A party as the directory shows it. */
    record PartyJson(String partyId, PartyKind kind, byte[] publicKey, String institutionId) {}

    @PostMapping(path = "/api/parties", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PartyJson> register(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = PartyRegistered.class)))
                    @RequestBody
                    byte[] body) {
        Caller caller = Callers.current();
        PartyRegistered party = StrictJson.read(body, PartyRegistered.class);
        AccessPolicy.checkFor(caller, Action.USE_DIRECTORY, party.partyId());
        if (!caller.is(org.hrm.gateway.domain.Role.valueOf(party.kind().name()))) {
            throw new AccessRefused("a caller without role "
                    + party.kind().name().toLowerCase(Locale.ROOT) + " cannot register as one");
        }
        directory
                .party(party.partyId())
                .filter(known -> !Arrays.equals(known.publicKey(), party.publicKey()))
                .ifPresent(known -> {
                    throw new ApiProblem(
                            HttpStatus.CONFLICT,
                            "conflict",
                            party.partyId() + " is registered with another key; the first key stands");
                });
        commands.register(party);
        return ResponseEntity.accepted()
                .location(URI.create("/api/parties/" + party.partyId()))
                .body(json(party));
    }

    @GetMapping("/api/parties/{partyId}")
    PartyJson find(@PathVariable String partyId) {
        AccessPolicy.check(Callers.current(), Action.USE_DIRECTORY);
        return directory
                .party(partyId)
                .map(PartiesController::json)
                .orElseThrow(() -> ApiProblem.notFound("party " + partyId + " is not registered"));
    }

    private static PartyJson json(PartyRegistered party) {
        return new PartyJson(party.partyId(), party.kind(), party.publicKey(), party.institutionId());
    }
}
