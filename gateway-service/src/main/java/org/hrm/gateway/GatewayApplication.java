package org.hrm.gateway;

import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The gateway: the authenticated HTTP API, the patient portal and the ops dashboard. It runs alone, or in-process
 * next to the other services (the sandbox, with profile {@code dev} and its development token issuer).
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(GatewayApplication.class).run(args);
    }

    /** Starts the gateway in this JVM with {@code properties} taking precedence over every other source. */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, String... args) {
        return new SpringApplicationBuilder(GatewayApplication.class)
                .initializers(context -> context.getEnvironment()
                        .getPropertySources()
                        .addFirst(new MapPropertySource("hrm-gateway", properties)))
                .run(args);
    }
}
