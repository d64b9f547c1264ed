package org.hrm.edge.config;

import org.hrm.client.gateway.AccessTokens;
import org.hrm.client.gateway.ClientCredentialsTokens;
import org.hrm.client.gateway.DevLoginTokens;
import org.hrm.client.gateway.GatewayClient;

/**
 * The edge's client of the gateway as {@code hrm.edge.gateway.*} says: the client-credentials grant with the
 * hospital's own client (no secret fallback: the endpoint, id and secret file must all be given), or the sandbox's
 * development login as the hospital's party.
 */
final class GatewayAccess {
    private GatewayAccess() {}

    static GatewayClient client(EdgeProperties.Gateway gateway, String hospitalId) {
        if (gateway == null || gateway.url() == null) {
            throw new IllegalStateException(
                    "hrm.edge.gateway.url is not set: the edge reads grantees, record stages and"
                            + " releases from the gateway, as an API client with the hospital's credentials");
        }
        return new GatewayClient(gateway.url(), tokens(gateway, hospitalId));
    }

    private static AccessTokens tokens(EdgeProperties.Gateway gateway, String hospitalId) {
        if (gateway.devLogin()) {
            return new DevLoginTokens(gateway.url(), hospitalId);
        }
        if (gateway.tokenEndpoint() == null
                || gateway.clientId() == null
                || gateway.clientId().isBlank()
                || gateway.clientSecretFile() == null) {
            throw new IllegalStateException(
                    "the edge logs in to the gateway with the hospital's client credentials:"
                            + " set hrm.edge.gateway.token-endpoint, hrm.edge.gateway.client-id and"
                            + " hrm.edge.gateway.client-secret-file (or, in the sandbox only, hrm.edge.gateway.dev-login=true)");
        }
        return new ClientCredentialsTokens(gateway.tokenEndpoint(), gateway.clientId(), gateway.clientSecretFile());
    }
}
