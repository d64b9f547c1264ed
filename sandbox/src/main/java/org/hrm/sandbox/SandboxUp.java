package org.hrm.sandbox;

import static org.hrm.cli.HrmCli.ENDPOINTS;
import static org.hrm.cli.HrmCli.HOME;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.hrm.cli.Endpoints;
import org.hrm.cli.Json;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.gateway.config.GatewayProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./hrm up}: the platform on its embedded default, with the dev parties, until Ctrl-C; in this JVM, or with
 * {@code --separate-jvms} each part in a JVM of its own ({@link SeparateJvmsUp}).
 */
final class SandboxUp {
    private SandboxUp() {}

    /**
     * What {@code up} started: where it listens, the dev parties' key files, the FHIR edge's base URL, where the
     * services run and log, and how to stop all of it.
     */
    record Started(
            Endpoints endpoints,
            List<Path> keyFiles,
            String fhirEdgeUrl,
            String services,
            String logs,
            Runnable stop) {}

    static int run(PlatformCli.Up args) throws Exception {
        SeparateJvmsUp.refuseWhatItCannotRun(args);
        Started up = start(args, step -> System.out.println("[up] " + step));
        SandboxPrometheus prometheus = startPrometheus(args, up.endpoints());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (prometheus != null) {
                prometheus.close();
            }
            up.stop().run();
            ENDPOINTS.toFile().delete();
            stopped.countDown();
        }));
        printEndpoints(up);
        printGateway(up.endpoints(), up.keyFiles());
        System.out.println("  FHIR R4 edge      " + up.fhirEdgeUrl()
                + " (POST resources or transaction/batch Bundles; status at /edge/records)");
        if (prometheus != null) {
            System.out.println("  prometheus        " + prometheus.url() + " (alerts at " + prometheus.url()
                    + "/alerts; config and log in " + HOME.resolve("prometheus") + ")");
        }
        stopped.await();
        return 0;
    }

    /** Starts the platform, registers the dev parties, starts the FHIR edge and writes the endpoints file. */
    private static Started start(PlatformCli.Up args, Consumer<String> progress) throws Exception {
        Files.createDirectories(HOME);
        Started up = args.separateJvms ? SeparateJvmsUp.start(args, HOME, progress) : inProcess(args, HOME, progress);
        Files.writeString(ENDPOINTS, Json.write(up.endpoints()));
        return up;
    }

    private static Started inProcess(PlatformCli.Up args, Path home, Consumer<String> progress) throws Exception {
        Platform.Options options =
                new Platform.Options(home, args.mongoPort, args.chainPort, 3, args.gatewayPort, args.kafkaWalls.on());
        Platform platform = Platform.start(options, SandboxHsm.tuning(args.hsm, home), progress);
        Endpoints endpoints = platform.endpoints();
        List<Path> keyFiles = registerDevParties(endpoints, platform.devUsers(), home);
        progress.accept("starting fhir-edge-service (the hospital systems' FHIR R4 entry point, as "
                + DevParties.INSTITUTION + ")");
        ConfigurableApplicationContext fhirEdge =
                FhirEdgeSandbox.startForDevParties(endpoints, home, platform.devUsers(), args.fhirPort);
        return new Started(
                endpoints,
                keyFiles,
                FhirEdgeSandbox.url(fhirEdge),
                "consent-service, key-vault-service, ledger-writer-service, gateway-service (in-process)",
                endpoints.logDir() + "/hrm.log, anvil.log",
                () -> {
                    fhirEdge.close();
                    platform.close();
                });
    }

    /** The development users as {@link Endpoints#devLogins} lists them: "party id (role)". */
    static List<String> devLogins(List<GatewayProperties.DevUser> users) {
        return users.stream()
                .map(user -> user.partyId() + " (" + user.role() + ")")
                .toList();
    }

    /** The gateway's development users as parties, key files in {@code home}/keys; returns the files written. */
    static List<Path> registerDevParties(Endpoints endpoints, List<GatewayProperties.DevUser> users, Path home)
            throws Exception {
        KafkaLogin hospital = endpoints.kafka(SandboxPrincipals.HOSPITAL);
        try (RecordPublisher publisher = RecordPublisher.connect(hospital.bootstrapServers(), hospital.settings())) {
            return DevParties.register(
                    users,
                    home.resolve("keys"),
                    publisher,
                    SandboxAttester.of(home),
                    endpoints.kafka(SandboxPrincipals.OBSERVER));
        }
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

    private static void printEndpoints(Started up) {
        Endpoints endpoints = up.endpoints();
        System.out.println();
        System.out.println("hrm is up. Ctrl-C stops it.");
        System.out.println("  Kafka bootstrap   " + endpoints.kafkaBootstrapServers());
        System.out.println("  MongoDB (wire)    " + endpoints.mongoUri());
        System.out.println("  chain JSON-RPC    " + endpoints.chainRpc());
        System.out.println("  patient ledger    " + endpoints.patientContract());
        System.out.println("  practitioner led. " + endpoints.practitionerContract());
        System.out.println("  services          " + up.services());
        endpoints
                .actuators()
                .forEach((service, url) ->
                        System.out.printf("  actuator          %s (health/readiness, prometheus) %s%n", url, service));
        System.out.println("  heartbeats        hrm.ops.heartbeats.<service> topics (every second here)");
        System.out.println("  logs              " + up.logs());
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
