package org.hrm.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.DefaultHealthContributorRegistry;

/** Each health indicator is a gauge that follows its status: 1 while UP, 0 when DOWN or when it throws. */
class HealthGaugesTest {

    @Test
    void aGaugePerIndicatorFollowsItsStatus() {
        AtomicBoolean mongoUp = new AtomicBoolean(true);
        DefaultHealthContributorRegistry contributors = new DefaultHealthContributorRegistry();
        contributors.registerContributor("mongo", (HealthIndicator)
                () -> mongoUp.get() ? Health.up().build() : Health.down().build());
        contributors.registerContributor("hsm", (HealthIndicator) () -> {
            throw new IllegalStateException("token gone");
        });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();

        HealthGauges.register(contributors, registry);

        assertThat(registry.get("hrm.health").tag("component", "mongo").gauge().value())
                .isEqualTo(1.0);
        assertThat(registry.get("hrm.health").tag("component", "hsm").gauge().value())
                .isEqualTo(0.0);
        mongoUp.set(false);
        assertThat(registry.get("hrm.health").tag("component", "mongo").gauge().value())
                .isEqualTo(0.0);
    }
}
