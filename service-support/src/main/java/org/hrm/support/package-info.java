/**
 * What every service runs besides its own work: a heartbeat on its ops topic ({@link HeartbeatPublisher}), counts of
 * what it published and dead-lettered ({@link ServiceActivity}), actuator health and Prometheus metrics
 * ({@link OpsConfiguration}) with Kafka's client metrics, and the party directory fed from its topic
 * ({@link DirectoryFeed}). A service imports
 * {@link OpsConfiguration} and declares its {@link ServiceIdentity}. The Kafka plumbing itself (producers, batch
 * listeners, retries, headers, trace context, dead letters) is the {@code messaging} module's; the chain node's RPC
 * tokens are the client's ({@code org.hrm.client.chain}), since the auditor's {@code verify-chain} mints them too.
 */
package org.hrm.support;
