package org.hrm.sandbox.chaos;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.hrm.consent.ConsentApplication;
import org.hrm.keyvault.KeyVaultApplication;
import org.hrm.ledgerwriter.LedgerWriterApplication;
import org.hrm.sandbox.ServiceSettings;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * One service in its own JVM, so the chaos run can kill it with kill -9: {@code ServiceMain NAME FILE},
 * with the service's properties in FILE. Prints a readiness line once the service has started.
 */
public final class ServiceMain {
    static final String READY = "hrm-service-ready";
    private static final String QUIET = "--spring.main.banner-mode=off";

    private ServiceMain() {}

    public static void main(String[] args) throws IOException {
        String name = args[0];
        Map<String, Object> properties = load(Path.of(args[1]));
        switch (name) {
            case ServiceSettings.CONSENT -> ConsentApplication.start(properties, QUIET);
            case ServiceSettings.KEY_VAULT -> KeyVaultApplication.start(properties, QUIET);
            case ServiceSettings.LEDGER_WRITER ->
                new SpringApplicationBuilder(LedgerWriterApplication.class)
                        .properties(properties)
                        .run(QUIET);
            default -> throw new IllegalArgumentException("no such service: " + name);
        }
        System.out.println(READY + " " + name);
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
