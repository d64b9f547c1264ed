package org.hrm.consent;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The consent service; serves only the actuator over HTTP (probes, Prometheus; {@code server.port}), alone or in-process next to other services (the sandbox). Its
 * signing key comes from {@code hrm.consent.signing-key-file} or {@code HRM_CONSENT_SIGNING_KEY}:
 * {@link org.hrm.consent.domain.DecisionSigningKey#generateKeyFileContent()} makes one and
 * {@link org.hrm.consent.domain.DecisionSigningKey#publicKeyBase64(String)} gives the public key the vault needs.
 */
@SpringBootApplication
public class ConsentApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * Starts the service in this JVM with {@code properties} taking precedence over every other source, e.g.
     * {@code spring.mongodb.uri}, {@code spring.kafka.bootstrap-servers}, {@code hrm.consent.signing-key-file}.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, String... args) {
        return builder()
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("hrm-consent", properties)))
                .run(args);
    }

    private static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ConsentApplication.class)
                .properties(Map.of("spring.application.name", "consent-service"));
    }
}
