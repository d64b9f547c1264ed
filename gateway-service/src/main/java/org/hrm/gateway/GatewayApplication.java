package org.hrm.gateway;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The gateway: the authenticated HTTP API, the patient portal and the ops dashboard. It runs alone, or in-process
 * next to the other services (the sandbox, with profile {@code dev} and its development token issuer).
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(GatewayApplication.class).run(args);
    }

    /**
     * Starts the gateway in this JVM with {@code properties} taking precedence over every other source. They are in
     * the environment before the configuration files are read, so {@code spring.profiles.active} selects profiles.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("hrm-gateway", properties));
        return new SpringApplicationBuilder(GatewayApplication.class)
                .environment(environment)
                .run(args);
    }
}
