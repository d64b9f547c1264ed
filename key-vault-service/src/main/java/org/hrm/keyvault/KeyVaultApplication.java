package org.hrm.keyvault;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** The key vault service; serves only the actuator over HTTP (probes, Prometheus; {@code server.port}), alone or in-process next to other services (the sandbox). */
@SpringBootApplication
public class KeyVaultApplication {

    public static void main(String[] args) {
        builder().run(args);
    }

    /**
     * Starts the vault in this JVM with {@code properties} taking precedence over every other source, e.g.
     * {@code spring.mongodb.uri}, {@code spring.kafka.bootstrap-servers}, {@code hrm.vault.master-key-file}.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, String... args) {
        return builder()
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("hrm-key-vault", properties)))
                .run(args);
    }

    private static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(KeyVaultApplication.class)
                .properties(Map.of("spring.application.name", "key-vault-service"));
    }
}
