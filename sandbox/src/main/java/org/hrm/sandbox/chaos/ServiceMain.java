package org.hrm.sandbox.chaos;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.hrm.cli.FailureReasons;
import org.hrm.consent.ConsentApplication;
import org.hrm.edge.FhirEdgeApplication;
import org.hrm.gateway.GatewayApplication;
import org.hrm.keyvault.KeyVaultApplication;
import org.hrm.ledgerwriter.LedgerWriterApplication;
import org.hrm.sandbox.ServiceSettings;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One service in its own JVM, so the chaos run can kill it with kill -9 and {@code ./hrm up --separate-jvms} can run
 * each apart: {@code ServiceMain NAME FILE [ARG...]}, with the service's properties in FILE and further Spring
 * arguments after it. Prints a readiness line with the port its web server took once the service has started, or, if
 * it cannot start, a line with why on its error output before it exits.
 */
public final class ServiceMain {
    static final String READY = "hrm-service-ready";
    static final String FAILED = "hrm-service-failed";
    private static final String QUIET = "--spring.main.banner-mode=off";

    private ServiceMain() {}

    public static void main(String[] args) throws IOException {
        String name = args[0];
        Map<String, Object> properties = load(Path.of(args[1]));
        String[] springArgs = Stream.concat(Stream.of(QUIET), Arrays.stream(args, 2, args.length))
                .toArray(String[]::new);
        ConfigurableApplicationContext context;
        try {
            context = start(name, properties, springArgs);
        } catch (RuntimeException | Error e) {
            // The service's log goes to its file; the platform shows this JVM's output when it exits before it is
            // ready, so the reason has to be here too (a port taken, a peer not answering), not only in the log.
            System.err.println(FAILED + " " + name + ": " + FailureReasons.of(e));
            throw e;
        }
        System.out.println(READY + " " + name + " " + context.getEnvironment().getProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext start(
            String name, Map<String, Object> properties, String[] springArgs) {
        return switch (name) {
            case ServiceSettings.CONSENT -> ConsentApplication.start(properties, springArgs);
            case ServiceSettings.KEY_VAULT -> KeyVaultApplication.start(properties, springArgs);
            case ServiceSettings.LEDGER_WRITER ->
                new SpringApplicationBuilder(LedgerWriterApplication.class)
                        .properties(properties)
                        .run(springArgs);
            case ServiceSettings.GATEWAY -> GatewayApplication.start(properties, springArgs);
            case ServiceSettings.FHIR_EDGE -> FhirEdgeApplication.start(properties, springArgs);
            default -> throw new IllegalArgumentException("no such service: " + name);
        };
    }

    /** The port a service's readiness line names. */
    static int port(String readyLine) {
        String[] words = readyLine.trim().split(" ");
        return Integer.parseInt(words[words.length - 1]);
    }

    static Map<String, Object> load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        return map;
    }
}
