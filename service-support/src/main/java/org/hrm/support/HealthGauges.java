package org.hrm.support;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One gauge {@code hrm_health{component}} per health indicator of the service (MongoDB's {@code mongo}, disk space,
 * and any indicator a service adds, such as an HSM's): 1 while it is UP, 0 otherwise. Prometheus scrapes metrics, not
 * health, so without it "the database is unreachable" could only be inferred from stalled work; with it the alert
 * names the component. Each scrape runs the indicators once (a Mongo ping: cheap).
 */
final class HealthGauges {
    static final String NAME = "hrm.health";

    private HealthGauges() {}

    static void register(HealthContributors contributors, MeterRegistry registry) {
        for (HealthContributors.Entry entry : contributors) {
            if (entry.contributor() instanceof HealthIndicator indicator) {
                Gauge.builder(NAME, indicator, HealthGauges::up)
                        .tag("component", entry.name())
                        .description("1 while the health indicator is UP, else 0")
                        .register(registry);
            }
        }
    }

    private static double up(HealthIndicator indicator) {
        try {
            Health health = indicator.health(false);
            return health != null && Status.UP.equals(health.getStatus()) ? 1 : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
