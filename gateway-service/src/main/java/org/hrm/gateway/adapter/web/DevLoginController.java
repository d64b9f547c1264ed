package org.hrm.gateway.adapter.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hrm.contracts.events.PartyKind;
import org.hrm.gateway.application.DirectoryBook;
import org.hrm.gateway.application.Views;
import org.hrm.gateway.config.DevIssuer;
import org.hrm.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's login (profile {@code dev} only): pick a development user, get a signed token. No password: the
 * sandbox runs on one machine for one developer; production logs in at the OIDC provider. A party the sandbox's tools
 * registered that is not a development user (a test's hospital, the demo's patients) logs in the same way, with the
 * role of its registered kind, so that the sandbox's clients reach the gateway as every party does in production.
 *
 * <p>A party that is neither (one {@code ./hrm register} is about to register) names its {@code kind} and gets that
 * kind's role, so that it can ask for the attestation of its own registration ({@code POST
 * /api/attestations/register}) as a production client does after logging in at the OIDC provider. This gives nothing
 * the dev login did not already give: it has no password, and the gateway attests only its caller's own statement
 * over a key the statement proves. A kind that contradicts a known party's is refused (409), never a second role.
 */
@RestController
@Profile("dev")
class DevLoginController {
    private final DevIssuer issuer;
    private final DirectoryBook directory;

    DevLoginController(DevIssuer issuer, Views views) {
        this.issuer = issuer;
        this.directory = views.directory();
    }

    /**
     * Which development user or party to log in as; {@code kind} (patient, practitioner or system) is needed only for
     * a party neither a development user nor registered, and must agree with a known one's.
     */
    record Login(String partyId, String kind) {}

    @GetMapping("/dev/users")
    List<GatewayProperties.DevUser> users() {
        return issuer.users();
    }

    @PostMapping(path = "/dev/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> login(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(implementation = Login.class)))
                    @RequestBody
                    byte[] body) {
        Login login = StrictJson.read(body, Login.class);
        Optional<PartyKind> kind = kindOf(login);
        GatewayProperties.DevUser user = issuer.users().stream()
                .filter(candidate -> candidate.partyId().equals(login.partyId()))
                .findFirst()
                .or(() -> directory
                        .party(login.partyId())
                        .map(party -> new GatewayProperties.DevUser(
                                party.partyId(), role(party.kind()), party.partyId() + " (registered party)")))
                .or(() -> kind.map(named ->
                        new GatewayProperties.DevUser(login.partyId(), role(named), login.partyId() + " (new party)")))
                .orElseThrow(() -> ApiProblem.notFound("no development user or registered party " + login.partyId()
                        + " (a new party names its kind)"));
        kind.filter(named -> !role(named).equals(user.role())).ifPresent(named -> {
            throw new ApiProblem(
                    HttpStatus.CONFLICT,
                    "conflict",
                    login.partyId() + " logs in as " + user.role() + ", not " + role(named));
        });
        return Map.of(
                "access_token", issuer.issue(user),
                "token_type", "Bearer",
                "partyId", user.partyId(),
                "role", user.role());
    }

    private static Optional<PartyKind> kindOf(Login login) {
        if (login.kind() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(PartyKind.valueOf(login.kind().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("kind must be patient, practitioner or system, not '" + login.kind() + "'");
        }
    }

    private static String role(PartyKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    @GetMapping("/dev/jwks.json")
    Map<String, Object> jwks() {
        return issuer.jwks();
    }
}
