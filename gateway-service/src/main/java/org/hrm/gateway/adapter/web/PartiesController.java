package org.hrm.gateway.adapter.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.gateway.application.Attester;
import org.hrm.gateway.application.DirectoryBook;
import org.hrm.gateway.application.GatewayCommands;
import org.hrm.gateway.application.SignedRotation;
import org.hrm.gateway.application.Views;
import org.hrm.gateway.domain.AccessPolicy;
import org.hrm.gateway.domain.AccessRefused;
import org.hrm.gateway.domain.Action;
import org.hrm.gateway.domain.Caller;
import org.hrm.gateway.domain.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The party directory and the gateway's identity attestations: register one's own key or rotate it (the gateway
 * attests its caller and publishes), get an attestation of one's own statement to publish oneself (SDK, CLI), look up
 * another party's key, and the attestation keys every consumer trusts.
 */
@RestController
class PartiesController {
    private final GatewayCommands commands;
    private final DirectoryBook directory;
    private final Attester attester;

    PartiesController(GatewayCommands commands, Views views, Attester attester) {
        this.commands = commands;
        this.directory = views.directory();
        this.attester = attester;
    }

    /** A party as the directory shows it: the current key, whether it was attested, and its earlier keys. */
    record PartyJson(
            String partyId,
            PartyKind kind,
            byte[] publicKey,
            String institutionId,
            boolean attested,
            List<RetiredKeyJson> retiredKeys) {}

    /**
     * Registers the caller: the body is its own registration with the proof of possession (and, for a practitioner,
     * its institution's signature); the gateway adds its attestation and publishes it.
     */
    @PostMapping(path = "/api/parties", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PartyRegistered> register(
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
        requireRole(caller, party.kind());
        directory
                .party(party.partyId())
                .filter(DirectoryEntry::attested)
                .filter(known -> !known.isCurrentKey(party.publicKey()))
                .ifPresent(known -> {
                    throw new ApiProblem(
                            HttpStatus.CONFLICT,
                            "conflict",
                            party.partyId() + " is registered with another key; a key changes only by rotation");
                });
        PartyRegistered attested = attester.register(caller, party);
        commands.register(attested);
        return ResponseEntity.accepted()
                .location(URI.create("/api/parties/" + party.partyId()))
                .body(attested);
    }

    /**
     * Rotates the caller's key: the body is the rotation proven by the new key and, routinely, signed by the old
     * one; without the old key's signature (a lost key) the gateway attests the caller instead.
     */
    @PostMapping(path = "/api/parties/{partyId}/key-rotations", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PartyKeyRotated> rotate(
            @PathVariable String partyId,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = PartyKeyRotated.class)))
                    @RequestBody
                    byte[] body) {
        Caller caller = Callers.current();
        PartyKeyRotated rotation = StrictJson.read(body, PartyKeyRotated.class);
        AccessPolicy.checkFor(caller, Action.USE_DIRECTORY, partyId);
        if (!rotation.partyId().equals(partyId)) {
            throw ApiProblem.badRequest("the rotation is for " + rotation.partyId() + ", not " + partyId);
        }
        PartyKeyRotated sent = rotation.signedByPreviousKey() ? rotation : attester.rotate(caller, rotation);
        SignedRotation judged = new SignedRotation(
                sent.partyId(), sent.newPublicKey(), (rules, current) -> rules.rotate(sent, current));
        directory.rotationRefusal(judged).ifPresent(reason -> {
            throw new ApiProblem(HttpStatus.CONFLICT, "conflict", reason);
        });
        commands.rotateKey(sent);
        return ResponseEntity.accepted()
                .location(URI.create("/api/parties/" + partyId + "/key-rotations/"
                        + Base64.getUrlEncoder().withoutPadding().encodeToString(sent.newPublicKey())))
                .body(sent);
    }

    /**
     * The outcome of the caller's rotation to {@code newKey} (base64url of the 65-byte key, the Location of the
     * rotation): {@code accepted}, {@code refused} with the directory rules' reason, or {@code pending}.
     */
    @GetMapping("/api/parties/{partyId}/key-rotations/{newKey}")
    DirectoryBook.RotationOutcome rotationOutcome(@PathVariable String partyId, @PathVariable String newKey) {
        AccessPolicy.checkFor(Callers.current(), Action.USE_DIRECTORY, partyId);
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(newKey);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("the new key must be base64url");
        }
        return directory.rotationOutcome(partyId, key);
    }

    /**
     * The gateway's attestation of the caller's own statement, for a client that publishes it itself:
     * {@code register} (a PartyRegistered), {@code rotate-key} (a PartyKeyRotated) or {@code erasure} (an
     * ErasureRequested). Access requests are attested only as the gateway sends them (fetch).
     */
    @PostMapping(path = "/api/attestations/{purpose}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Attestation attest(@PathVariable String purpose, @RequestBody byte[] body) {
        Caller caller = Callers.current();
        return switch (purpose) {
            case Attestation.REGISTER -> {
                PartyRegistered party = StrictJson.read(body, PartyRegistered.class);
                AccessPolicy.checkFor(caller, Action.USE_DIRECTORY, party.partyId());
                requireRole(caller, party.kind());
                yield attester.register(caller, party).attestation();
            }
            case Attestation.ROTATE_KEY -> {
                PartyKeyRotated rotation = StrictJson.read(body, PartyKeyRotated.class);
                AccessPolicy.checkFor(caller, Action.USE_DIRECTORY, rotation.partyId());
                yield attester.rotate(caller, rotation).attestation();
            }
            case Attestation.ERASURE -> {
                ErasureRequested erasure = StrictJson.read(body, ErasureRequested.class);
                AccessPolicy.checkFor(caller, Action.ERASE, erasure.ownerId());
                yield attester.erasure(caller, erasure).attestation();
            }
            default -> throw ApiProblem.notFound("no attestation purpose '" + purpose + "'");
        };
    }

    /** The public attestation keys, by key id (base64 SEC1): what consent-service, the vault and the SDK trust. */
    @GetMapping("/api/attestation-keys")
    Map<String, String> attestationKeys() {
        AccessPolicy.check(Callers.current(), Action.USE_DIRECTORY);
        return attester.publishedKeys();
    }

    @GetMapping("/api/parties/{partyId}")
    PartyJson find(@PathVariable String partyId) {
        AccessPolicy.check(Callers.current(), Action.USE_DIRECTORY);
        return directory
                .party(partyId)
                .map(PartiesController::json)
                .orElseThrow(() -> ApiProblem.notFound("party " + partyId + " is not registered"));
    }

    private static void requireRole(Caller caller, PartyKind kind) {
        if (!caller.is(Role.valueOf(kind.name()))) {
            throw new AccessRefused(
                    "a caller without role " + kind.name().toLowerCase(Locale.ROOT) + " cannot register as one");
        }
    }

    private static PartyJson json(DirectoryEntry party) {
        return new PartyJson(
                party.partyId(),
                party.kind(),
                party.publicKey(),
                party.institutionId(),
                party.attested(),
                RetiredKeyJson.of(party));
    }
}
