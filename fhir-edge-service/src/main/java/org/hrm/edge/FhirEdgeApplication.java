package org.hrm.edge;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The FHIR edge service: a HAPI FHIR plain server at {@code /fhir} in front of the client SDK. */
@SpringBootApplication
public class FhirEdgeApplication {
    public static void main(String[] args) {
        SpringApplication.run(FhirEdgeApplication.class, args);
    }

    /** Starts the edge service with the given properties (the sandbox and the tests). */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, String... args) {
        return new SpringApplicationBuilder(FhirEdgeApplication.class)
                .properties(properties)
                .run(args);
    }
}
