package org.hrm.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.sandbox.bench.BenchCommand;
import org.hrm.sandbox.chaos.ChaosCommand;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code ./hrm}: runs the platform on its embedded default and the stories told against it. */
public final class HrmCli {
    static final Path HOME = Path.of(".sandbox");
    static final Path ENDPOINTS = HOME.resolve("endpoints.json");

    private HrmCli() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("hrm.log.file") == null) {
            System.setProperty("hrm.log.file", HOME.resolve("logs/hrm.log").toString());
        }
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try {
            System.exit(run(command, rest));
        } catch (Args.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (IllegalArgumentException e) {
            // Bad values (a record id that is not a UUID...) are the user's to fix: no stack trace.
            System.err.println(command + ": " + e.getMessage());
            System.exit(2);
        }
    }

    private static int run(String command, String[] rest) throws Exception {
        return switch (command) {
            case "up" -> up(rest);
            case "demo" -> StoreDemo.run(rest);
            case "bench" -> BenchCommand.run(new Args(command, rest), HOME.resolve("bench"));
            case "register" -> PartyCommands.register(new Args(command, rest));
            case "rotate-key" -> PartyCommands.rotateKey(new Args(command, rest));
            case "submit" -> RecordCommands.submit(new Args(command, rest));
            case "fetch" -> RecordCommands.fetch(new Args(command, rest));
            case "grant" -> ConsentCommands.grant(new Args(command, rest));
            case "revoke" -> ConsentCommands.revoke(new Args(command, rest));
            case "grants" -> ConsentCommands.list(new Args(command, rest));
            case "verify-chain" -> ChainVerifier.run(new Args(command, rest));
            case "erase" -> ErasureCommands.erase(new Args(command, rest));
            case "vault" -> VaultCommands.run(rest);
            case "chaos" -> chaos(new Args(command, rest));
            case "help", "--help", "-h" -> help(0);
            default -> {
                System.err.println("unknown command: " + command);
                yield help(2);
            }
        };
    }

    private static int up(String[] args) throws Exception {
        Platform.Options options = new Platform.Options(
                HOME,
                intOption(args, "--mongo-port", 27017),
                intOption(args, "--chain-port", 8545),
                3,
                intOption(args, "--gateway-port", 8080),
                kafkaWalls(args));
        Files.createDirectories(HOME);
        Platform platform =
                Platform.start(options, SandboxHsm.tuning(args, HOME), step -> System.out.println("[up] " + step));
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
        ConfigurableApplicationContext fhirEdge = FhirEdgeSandbox.startForDevParties(
                endpoints, HOME, platform.devUsers(), intOption(args, "--fhir-port", 8090));
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
    private static SandboxPrometheus startPrometheus(String[] args, Endpoints endpoints) throws IOException {
        if (!List.of(args).contains("--prometheus")) {
            return null;
        }
        Optional<String> unavailable = SandboxPrometheus.unavailable();
        if (unavailable.isPresent()) {
            System.out.println("[up] no Prometheus: " + unavailable.get());
            return null;
        }
        System.out.println("[up] starting Prometheus (scrapes every 2 s, evaluates deploy/prometheus/alerts.yml)");
        return SandboxPrometheus.start(
                HOME.resolve("prometheus"), endpoints.actuators(), intOption(args, "--prometheus-port", 9090));
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

    private static int chaos(Args args) throws Exception {
        return ChaosCommand.run(
                Long.parseLong(args.optional("seed").orElse("7")),
                args.integer("records", 300),
                Double.parseDouble(args.optional("rate").orElse("5")),
                args.integer("drain-seconds", 180),
                HOME.resolve("chaos"));
    }

    private static void printGateway(Endpoints endpoints, List<Path> keyFiles) {
        System.out.println("  gateway API       " + endpoints.gatewayUrl() + "/api (described at /v3/api-docs)");
        System.out.println("  patient portal    " + endpoints.gatewayUrl() + "/ (log in, then load your key file)");
        System.out.println("  ops dashboard     " + endpoints.gatewayUrl() + "/ops.html (log in as the operator)");
        System.out.println("  dev logins        " + String.join(", ", endpoints.devLogins()));
        keyFiles.forEach(file -> System.out.println("  dev key file      " + file.toAbsolutePath()));
    }

    /**
     * {@code --kafka-walls on|off}: whether the broker runs inside the walls (principals and ACLs), by default {@link
     * Platform#KAFKA_WALLS_BY_DEFAULT}. Off exists for what cannot connect as a principal yet, such as a client of
     * another project pointed at the sandbox.
     */
    static boolean kafkaWalls(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--kafka-walls")) {
                return switch (args[i + 1]) {
                    case "on" -> true;
                    case "off" -> false;
                    default ->
                        throw new IllegalArgumentException("--kafka-walls is on or off, not '" + args[i + 1] + "'");
                };
            }
        }
        return Platform.KAFKA_WALLS_BY_DEFAULT;
    }

    static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                try {
                    return Integer.parseInt(args[i + 1]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " needs a number, got '" + args[i + 1] + "'");
                }
            }
        }
        return fallback;
    }

    private static int help(int exit) {
        System.out.println("""
                usage: ./hrm <command> [--option value ...]
                  up        start the platform on its embedded default (Kafka KRaft, MongoDB-wire server, Anvil,
                            the services, the gateway with the portal); --mongo-port, --chain-port,
                            --gateway-port (8080), --fhir-port (8090); --hsm: the vault's keys in a SoftHSM2
                            token (PKCS#11), not the key file (apt-get install softhsm2); --prometheus: Debian's
                            Prometheus (apt-get install prometheus) scraping the services with
                            deploy/prometheus/alerts.yml, on --prometheus-port (9090); --kafka-walls on|off: the
                            broker with one SCRAM principal per service, hospital and tool and the catalogue's ACLs
                            (off by default for now; the CLI reads the logins from .sandbox/kafka-credentials.properties)
                  demo      run the story (against a running 'up', or on its own platform; --hsm as for up); the
                            last line is one JSON summary ("masterKeyCustody": keyfile or pkcs11; "kafkaAcls": whether
                            the broker runs inside the walls, then "forbiddenPublishRefused" must be true); exit 0 only
                            if every record was committed and every check held; --kafka-walls on|off as for up
                  bench     [--records N | --rate R --duration S] [--size 1024[,65536,...]] [--naive-records 500]
                            [--limit-records N] [--fetches 2000] [--fetch-rate 200] [--latency-records 10000]
                            [--block-time 0] [--block-gas-limit G] [--report FILE.html]
                            store throughput (per size), latency at 1,000/s, the naive path, the chain-only limit
                            and fetch latency on a fresh platform; checks every record is on chain once; the last
                            line is one JSON report; --report also writes a page of charts
                  register  --id ID --kind patient|practitioner|system [--keystore FILE]
                            [--institution ID --institution-keystore FILE] [--timeout 60]
                            generate a key pair into a keystore file, publish the public key (attested by the
                            sandbox's gateway; a practitioner vouched for by its institution's key) and wait for
                            consent-service's verdict: exit 0 accepted, 3 refused (the reason), 5 no answer
                  rotate-key --keystore FILE [--new-keystore FILE] [--lost] [--timeout 60]
                            replace the party's key: signed by the old key, or with --lost attested by the
                            sandbox's gateway instead; the keystore then holds the new key (the old one is kept
                            as FILE.old, it still opens records shared before); exit codes as register
                  submit    --keystore AUTHOR --owner ID --file FILE [--domain patient] [--category TYPE]
                            encrypt a record for its owner (and standing grantees) and submit it
                  grant     --keystore OWNER --to GRANTEE (--records ID,ID | --category TYPE) [--domain patient]
                            [--days 30 | --seconds N] [--purpose TREAT]   rewrap the owner's shares and grant
                  revoke    --keystore OWNER --grant ID [--domain patient]
                            grant and revoke wait for consent-service's verdict (--timeout 60): exit 0 accepted,
                            3 refused (the reason is printed), 5 no answer
                  grants    --owner ID [--domain patient]   the owner's signed grants and their status
                  fetch     --keystore READER --record ID --owner ID [--domain patient] [--out FILE]
                            [--emergency REASON --institution-keystore FILE]   decrypt to stdout or a file, only
                            if the author's signature verifies against the directory (exit 4 and why otherwise)
                  erase     --keystore OWNER (--record ID | --all) [--domain patient] [--receipt FILE]
                            publish the erasure request signed by the owner's key and print the vault's signed
                            receipt, or the vault's reason and exit 1 if it refused
                  vault     rotate | retire --version N | rotate-pseudonym   operators: add a master key version
                            and re-wrap every owner key under it; retire an old version (re-wraps what is left, then
                            destroys it: backups made under it become useless); start a new pseudonym key version
                  verify-chain --rpc URL [--rpc-token-key-file FILE]   an auditor's report from the chain alone:
                            ledger contracts, records, grant shares, revocations, tombstones; checks every payload is
                            ciphertext (the key file signs read-only tokens for a Besu RPC node with JWT authentication)
                  verify-chain --audit FILE [--rpc URL] [--contracts A,B] [--consent-key B64 --gateway-keys ID=B64]
                            check an exported access history (portal: "Export for an auditor") against the audit
                            roots on chain and, with the producers' public keys (the sandbox's by default), each
                            entry's producer signature; names every entry changed, dropped, added or unsigned, exit 1
                            if any
                  chaos     [--seed 7] [--records 300] [--rate 5] [--drain-seconds 180]   every service, the broker,
                            the database and the chain node in processes of their own; records stream in while each
                            service is killed (kill -9) and restarted and the infrastructure restarted, then bad input
                            in every consumer; the last line is one JSON summary, exit 0 only if nothing was lost or
                            written twice and every bad input was rejected
                  help      this text
                commands other than up and demo work against the platform ./hrm up started
                (.sandbox/endpoints.json; --endpoints FILE for another).
                """);
        return exit;
    }
}
