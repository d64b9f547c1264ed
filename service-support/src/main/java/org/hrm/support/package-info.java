/**
 * What every service runs besides its own work: a heartbeat on its ops topic ({@link HeartbeatPublisher}), counts of
 * what it published and dead-lettered ({@link ServiceActivity}), actuator health and Prometheus metrics
 * ({@link OpsConfiguration}) with Kafka's client metrics, the party directory fed from its topic
 * ({@link DirectoryFeed}) and the chain node's RPC tokens ({@link ChainRpcTokens}). A service imports
 * {@link OpsConfiguration} and declares its {@link ServiceIdentity}. The Kafka plumbing itself (producers, batch
 * listeners, retries, headers, trace context, dead letters) is the {@code messaging} module's.
 */
package org.hrm.support;
