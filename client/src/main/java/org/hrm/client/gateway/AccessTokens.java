package org.hrm.client.gateway;

/**
 * Where an API client gets the bearer token it calls the gateway with: the identity provider's client-credentials
 * grant in production ({@link ClientCredentialsTokens}), the sandbox's development issuer there ({@link
 * DevLoginTokens}). The token's subject (or party claim) is the party the gateway checks every answer against.
 */
@FunctionalInterface
public interface AccessTokens {
    /** A token valid for at least the next call; fetched again when the last one is about to expire. */
    String current();
}
