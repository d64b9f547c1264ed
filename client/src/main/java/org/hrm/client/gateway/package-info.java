/**
 * The SDK's gateway adapter: what a hospital system reads through the gateway API, as a client with its own
 * credentials, rather than over Kafka (its principal reads only the public party directory): an owner's grantees,
 * its records' stages, releases, and what is shared with it. {@link org.hrm.client.gateway.GatewayClient} implements
 * the SDK's ports ({@link org.hrm.client.sdk.StandingGrantees}, {@link org.hrm.client.sdk.RecordStages}, {@link
 * org.hrm.client.sdk.ReleaseRequests}); tokens come from {@link org.hrm.client.gateway.ClientCredentialsTokens}
 * (production) or {@link org.hrm.client.gateway.DevLoginTokens} (the sandbox).
 */
package org.hrm.client.gateway;
