package org.hrm.gateway.config;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's settings ({@code hrm.gateway.*}).
 *
 * @param audience the audience every token must name
 * @param rolesClaim the claim holding the caller's roles (Keycloak's realm-role mapper writes "roles")
 * @param partyClaim the claim holding the caller's party id: "sub" by default; providers whose subject is an opaque
 *     user id (Keycloak) map the party id to a claim of its own ("party_id" in deploy/keycloak)
 * @param fetchWait how long a fetch waits for the vault before answering 202
 * @param maxBody the largest request body accepted: 6 MiB by default, the RecordSubmitted of a 4 MiB record
 *     ({@code RecordLimits}, docs/large-records.md)
 * @param chainRpc the chain's JSON-RPC URL, for the ops dashboard's chain head; empty: not shown
 * @param transactionLink a link to a transaction, with {hash}; empty: none
 * @param portal where the portal's users log in
 * @param attestation the gateway's attestation key (identity attestations for registrations, lost-key rotations,
 *     access requests and keyless erasures; it also signs the gateway's audit events)
 * @param consentPublicKey consent-service's decision key (base64 of the 65-byte P-256 point), under which its audit
 *     events must verify to enter an access history; empty: none does, and the history holds the gateway's own
 *     entries only (a warning at start says so)
 * @param readerStallAfter how long the topic reader may go without progress while it is behind before readiness goes
 *     DOWN and the reader is replaced
 */
@ConfigurationProperties("hrm.gateway")
public record GatewayProperties(
        @DefaultValue("hrm-gateway") String audience,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("sub") String partyClaim,
        @DefaultValue("3s") Duration fetchWait,
        @DefaultValue("6MB") DataSize maxBody,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("") String chainRpc,
        @DefaultValue("") String transactionLink,
        @DefaultValue Dev dev,
        @DefaultValue Portal portal,
        @DefaultValue Attestation attestation,
        @DefaultValue("") String consentPublicKey,
        @DefaultValue("30s") Duration readerStallAfter) {

    /**
     * The attestation key.
     *
     * @param keyFile file with one line, the base64 of the 32-byte P-256 scalar (a secret: readable by the gateway
     *     only); empty: a key generated at start, which no consumer trusts (tests only)
     * @param keyId the id consumers trust the public key under (change it when the key changes)
     */
    public record Attestation(
            @DefaultValue("") String keyFile,
            @DefaultValue("gateway-1") String keyId) {}

    /**
     * The portal's login at an OIDC provider (authorization code with PKCE, a public client: no secret in the
     * browser).
     *
     * @param oidcAuthority the provider's issuer URL as browsers reach it; empty: no provider login offered
     * @param clientId the provider's public client for the portal
     * @param scope the scopes the portal asks for
     */
    public record Portal(
            @DefaultValue("") String oidcAuthority,
            @DefaultValue("hrm-portal") String clientId,
            @DefaultValue("openid") String scope) {}

    /** Token bucket per subject for expensive endpoints (submit, fetch, erase). */
    public record RateLimit(
            @DefaultValue("20") int capacity,
            @DefaultValue("5") double perSecond) {}

    /**
     * The development issuer (profile {@code dev} only): who may log in, and the tokens' issuer and lifetime.
     */
    public record Dev(
            @DefaultValue("urn:hrm:dev-issuer") String issuer,
            @DefaultValue("8h") Duration tokenLifetime,
            @DefaultValue List<DevUser> users) {}

    /** A development login: the party id becomes the token's subject. */
    public record DevUser(String partyId, String role, String label) {}
}
