package org.hrm.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hrm.ops}, the same in every service.
 *
 * @param heartbeatInterval time between two heartbeats
 * @param heartbeats whether the service publishes heartbeats at all
 * @param createTopic whether the service creates its heartbeat topic (production creates topics up front)
 * @param adminTimeout longest wait for the broker's offsets when measuring lag; a beat without them has no lag
 */
@ConfigurationProperties("hrm.ops")
public record OpsProperties(
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("true") boolean heartbeats,
        @DefaultValue("true") boolean createTopic,
        @DefaultValue("5s") Duration adminTimeout) {}
