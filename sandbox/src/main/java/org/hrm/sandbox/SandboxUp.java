package org.hrm.sandbox;

import static org.hrm.sandbox.HrmCli.ENDPOINTS;
import static org.hrm.sandbox.HrmCli.HOME;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.hrm.client.kafka.RecordPublisher;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code ./hrm up}: the platform on its embedded default, with the dev parties, until Ctrl-C. */
final class SandboxUp {
    private SandboxUp() {}

    static int run(PlatformCli.Up args) throws Exception {
        Platform.Options options =
                new Platform.Options(HOME, args.mongoPort, args.chainPort, 3, args.gatewayPort, args.kafkaWalls.on());
        Files.createDirectories(HOME);
        Platform platform =
                Platform.start(options, SandboxHsm.tuning(args.hsm, HOME), step -> System.out.println("[up] " + step));
        Endpoints endpoints = platform.endpoints();
        List<Path> keyFiles;
        KafkaLogin hospital = endpoints.kafka(SandboxPrincipals.HOSPITAL);
        try (RecordPublisher publisher = RecordPublisher.connect(hospital.bootstrapServers(), hospital.settings())) {
            keyFiles = DevParties.register(
                    platform.devUsers(),
                    HOME.resolve("keys"),
                    publisher,
                    platform.attester(),
                    endpoints.kafka(SandboxPrincipals.OBSERVER));
        }
        System.out.println("[up] starting fhir-edge-service (the hospital systems' FHIR R4 entry point, as "
                + DevParties.INSTITUTION + ")");
        ConfigurableApplicationContext fhirEdge =
                FhirEdgeSandbox.startForDevParties(endpoints, HOME, platform.devUsers(), args.fhirPort);
        Files.writeString(ENDPOINTS, Json.write(endpoints));
        SandboxPrometheus prometheus = startPrometheus(args, endpoints);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fhirEdge.close();
            if (prometheus != null) {
                prometheus.close();
            }
            platform.close();
            ENDPOINTS.toFile().delete();
            stopped.countDown();
        }));
        printEndpoints(endpoints);
        printGateway(endpoints, keyFiles);
        System.out.println("  FHIR R4 edge      " + FhirEdgeSandbox.url(fhirEdge)
                + " (POST resources or transaction/batch Bundles; status at /edge/records)");
        if (prometheus != null) {
            System.out.println("  prometheus        " + prometheus.url() + " (alerts at " + prometheus.url()
                    + "/alerts; config and log in " + HOME.resolve("prometheus") + ")");
        }
        stopped.await();
        return 0;
    }

    /** With {@code --prometheus}: Debian's Prometheus scraping the services with the project's rules, if installed. */
    private static SandboxPrometheus startPrometheus(PlatformCli.Up args, Endpoints endpoints) throws IOException {
        if (!args.prometheus) {
            return null;
        }
        Optional<String> unavailable = SandboxPrometheus.unavailable();
        if (unavailable.isPresent()) {
            System.out.println("[up] no Prometheus: " + unavailable.get());
            return null;
        }
        System.out.println("[up] starting Prometheus (scrapes every 2 s, evaluates deploy/prometheus/alerts.yml)");
        return SandboxPrometheus.start(HOME.resolve("prometheus"), endpoints.actuators(), args.prometheusPort);
    }

    private static void printEndpoints(Endpoints endpoints) {
        System.out.println();
        System.out.println("hrm is up. Ctrl-C stops it.");
        System.out.println("  Kafka bootstrap   " + endpoints.kafkaBootstrapServers());
        System.out.println("  MongoDB (wire)    " + endpoints.mongoUri());
        System.out.println("  chain JSON-RPC    " + endpoints.chainRpc());
        System.out.println("  patient ledger    " + endpoints.patientContract());
        System.out.println("  practitioner led. " + endpoints.practitionerContract());
        System.out.println(
                "  services          consent-service, key-vault-service, ledger-writer-service, gateway-service (in-process)");
        endpoints
                .actuators()
                .forEach((service, url) ->
                        System.out.printf("  actuator          %s (health/readiness, prometheus) %s%n", url, service));
        System.out.println("  heartbeats        hrm.ops.heartbeats.<service> topics (every second here)");
        System.out.println("  logs              " + endpoints.logDir() + "/hrm.log, anvil.log");
        System.out.println("  vault receipt key " + endpoints.vaultReceiptPublicKey());
        System.out.println("  endpoints file    " + ENDPOINTS + " (./hrm demo runs against this platform)");
    }

    private static void printGateway(Endpoints endpoints, List<Path> keyFiles) {
        System.out.println("  gateway API       " + endpoints.gatewayUrl() + "/api (described at /v3/api-docs)");
        System.out.println("  patient portal    " + endpoints.gatewayUrl() + "/ (log in, then load your key file)");
        System.out.println("  ops dashboard     " + endpoints.gatewayUrl() + "/ops.html (log in as the operator)");
        System.out.println("  dev logins        " + String.join(", ", endpoints.devLogins()));
        keyFiles.forEach(file -> System.out.println("  dev key file      " + file.toAbsolutePath()));
    }
}
