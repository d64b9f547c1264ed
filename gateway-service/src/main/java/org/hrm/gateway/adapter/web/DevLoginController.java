package org.hrm.gateway.adapter.web;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hrm.gateway.application.DirectoryBook;
import org.hrm.gateway.application.Views;
import org.hrm.gateway.config.DevIssuer;
import org.hrm.gateway.config.GatewayProperties;
import org.springframework.context.annotation.Profile;
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

    /** Which development user to log in as. */
    record Login(String partyId) {}

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
        GatewayProperties.DevUser user = issuer.users().stream()
                .filter(candidate -> candidate.partyId().equals(login.partyId()))
                .findFirst()
                .or(() -> directory
                        .party(login.partyId())
                        .map(party -> new GatewayProperties.DevUser(
                                party.partyId(),
                                party.kind().name().toLowerCase(Locale.ROOT),
                                party.partyId() + " (registered party)")))
                .orElseThrow(() -> ApiProblem.notFound("no development user or registered party " + login.partyId()));
        return Map.of(
                "access_token", issuer.issue(user),
                "token_type", "Bearer",
                "partyId", user.partyId(),
                "role", user.role());
    }

    @GetMapping("/dev/jwks.json")
    Map<String, Object> jwks() {
        return issuer.jwks();
    }
}
