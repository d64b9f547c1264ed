package org.hrm.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrm.cli.Endpoints;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.sdk.Pkcs11Token;
import org.hrm.edge.FhirEdgeApplication;
import org.hrm.gateway.config.GatewayProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The FHIR edge service as the sandbox's hospital systems' entry point: it runs as {@link DevParties#INSTITUTION}
 * with that party's key file, connects to Kafka as its own hospital principal ({@link SandboxPrincipals#FHIR_EDGE}),
 * trusts the sandbox gateway's attestation keys, logs in to the gateway at its development issuer, and maps {@code
 * Patient/<party id>} and {@code Practitioner/<party id>} of the development users to those parties.
 */
public final class FhirEdgeSandbox {
    private static final List<String> SECURITY_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet"
                    + ".OAuth2ResourceServerAutoConfiguration");

    private FhirEdgeSandbox() {}

    /** Starts the edge against a running platform, the hospital's key in a key file; port 0 takes any free port. */
    public static ConfigurableApplicationContext start(
            Endpoints endpoints, Path hospitalKeystore, Path ownerMapping, int port) {
        return start(endpoints, keystore(hospitalKeystore), ownerMapping, port);
    }

    private static Map<String, Object> keystore(Path hospitalKeystore) {
        return Map.of("hrm.edge.keystore", hospitalKeystore.toAbsolutePath().toString());
    }

    /** Starts the edge with the hospital's key in a PKCS#11 token, found by {@code keyLabel}. */
    public static ConfigurableApplicationContext startWithTokenKey(
            Endpoints endpoints, String hospitalId, Pkcs11Token token, String keyLabel, Path ownerMapping, int port) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("hrm.edge.key-custody", "pkcs11");
        key.put("hrm.edge.pkcs11.hospital-id", hospitalId);
        key.put("hrm.edge.pkcs11.library", token.library());
        if (token.slot() != null) {
            key.put("hrm.edge.pkcs11.slot", token.slot());
        } else {
            key.put("hrm.edge.pkcs11.slot-list-index", token.slotListIndex());
        }
        key.put("hrm.edge.pkcs11.pin-file", token.pinFile().toAbsolutePath().toString());
        key.put("hrm.edge.pkcs11.key-label", keyLabel);
        return start(endpoints, key, ownerMapping, port);
    }

    private static ConfigurableApplicationContext start(
            Endpoints endpoints, Map<String, Object> hospitalKey, Path ownerMapping, int port) {
        // As an argument: the builder's properties are defaults, which the edge's own server.port=8090 would override,
        // so port 0 would still take 8090 (taken by ./hrm up's edge when the demo starts its own).
        return FhirEdgeApplication.start(properties(endpoints, hospitalKey, ownerMapping), "--server.port=" + port);
    }

    /** The edge's properties against a running platform (its port aside), in this JVM or in one of its own. */
    private static Map<String, Object> properties(
            Endpoints endpoints, Map<String, Object> hospitalKey, Path ownerMapping) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.jmx.enabled", "false");
        // Inside the hospital, only the EHR may reach the edge: here, only this machine.
        properties.put("server.address", "127.0.0.1");
        // The gateway's Spring Security is on the sandbox's classpath; the edge has no login of its own (see
        // docs/fhir-edge.md): its network is its access control, as for any hospital-internal interface engine.
        properties.put("spring.autoconfigure.exclude", String.join(",", SECURITY_AUTO_CONFIGURATIONS));
        // The sandbox's classpath carries the other services' Kafka and Mongo starters; the edge uses neither.
        properties.put("spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", endpoints.mongoUri() + "fhir-edge-unused");
        // The edge is a hospital system of its own: inside the walls it logs in as its hospital principal, which may
        // write submissions and access requests and read only the party directory (as compose's hospitals do).
        KafkaLogin login = endpoints.kafka(SandboxPrincipals.FHIR_EDGE);
        properties.put("hrm.edge.kafka-bootstrap-servers", login.bootstrapServers());
        login.security().forEach((key, value) -> properties.put("hrm.edge.kafka." + key, value));
        // What its principal may not read on Kafka (grantees, stages, releases) the edge asks the gateway, logged in
        // at the sandbox's development issuer as its hospital (production: the hospital's client credentials).
        properties.put("hrm.edge.gateway.url", endpoints.gatewayUrl());
        properties.put("hrm.edge.gateway.dev-login", "true");
        properties.putAll(hospitalKey);
        properties.put("hrm.edge.owner-mapping", ownerMapping.toAbsolutePath().toString());
        endpoints.gatewayAttestationKeys().forEach((id, key) -> properties.put("hrm.edge.attestation-keys." + id, key));
        return properties;
    }

    /** The edge's FHIR base URL, e.g. {@code http://127.0.0.1:8090/fhir}. */
    public static String url(ConfigurableApplicationContext edge) {
        return "http://127.0.0.1:" + edge.getEnvironment().getProperty("local.server.port") + "/fhir";
    }

    /** Writes the owner mapping of the development patients and practitioners. */
    static Path writeOwnerMapping(Path file, List<GatewayProperties.DevUser> users) throws IOException {
        StringBuilder lines =
                new StringBuilder("# FHIR reference = platform owner id (the sandbox's development users)\n");
        for (GatewayProperties.DevUser user : users) {
            switch (user.role()) {
                case "patient" -> lines.append("Patient/").append(user.partyId());
                case "practitioner" -> lines.append("Practitioner/").append(user.partyId());
                default -> {
                    continue;
                }
            }
            lines.append(" = ").append(user.partyId()).append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, lines);
        return file;
    }

    /** Starts the edge as {@code ./hrm up} does: hospital-a's key from {@code home}/keys, the dev users' mapping. */
    static ConfigurableApplicationContext startForDevParties(
            Endpoints endpoints, Path home, List<GatewayProperties.DevUser> users, int port) throws IOException {
        return start(endpoints, devPartiesKey(home), devPartiesMapping(home, users), port);
    }

    /** The properties of the edge {@code ./hrm up --separate-jvms} starts in a JVM of its own, as above. */
    static Map<String, Object> devPartiesProperties(
            Endpoints endpoints, Path home, List<GatewayProperties.DevUser> users) throws IOException {
        return properties(endpoints, devPartiesKey(home), devPartiesMapping(home, users));
    }

    private static Map<String, Object> devPartiesKey(Path home) {
        return keystore(home.resolve("keys").resolve(DevParties.INSTITUTION + ".key.json"));
    }

    private static Path devPartiesMapping(Path home, List<GatewayProperties.DevUser> users) throws IOException {
        return writeOwnerMapping(home.resolve("fhir-edge").resolve("owner-mapping.properties"), users);
    }
}
