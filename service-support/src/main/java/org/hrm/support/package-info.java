/**
 * What every service runs besides its own work: a heartbeat on its ops topic ({@link HeartbeatPublisher}), counts of
 * what it published and dead-lettered ({@link ServiceActivity}), actuator health and Prometheus metrics
 * ({@link OpsConfiguration}), and the trace context copied from each consumed event to what it causes
 * ({@link Traces}). A service imports {@link OpsConfiguration} and declares its {@link ServiceIdentity}.
 */
package org.hrm.support;
