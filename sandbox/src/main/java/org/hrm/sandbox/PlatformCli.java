package org.hrm.sandbox;

import java.util.concurrent.Callable;
import org.hrm.cli.HrmCli;
import org.hrm.sandbox.chaos.ChaosCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The command lines of {@code ./hrm up | demo | chaos}: the commands that start a platform of their own ({@code bench}
 * is the end-to-end bench's {@code BenchCli}).
 */
final class PlatformCli {
    private static final String HSM_DESCRIPTION =
            "The vault's keys in a SoftHSM2 token (PKCS#11), not the key file" + " (apt-get install softhsm2).";

    private PlatformCli() {}

    /** {@code --kafka-walls on|off}, taken by {@code up} and {@code demo}. */
    static final class KafkaWallsOption {
        /** The two values of a switch on the command line. */
        enum Switch {
            ON,
            OFF
        }

        @Option(
                names = "--kafka-walls",
                paramLabel = "on|off",
                description = "Run the broker inside the walls: one SCRAM principal per service, hospital and tool"
                        + " and the topic catalogue's ACLs (the CLI reads its logins from"
                        + " .sandbox/kafka-credentials.properties); default: ${DEFAULT-VALUE}. Off serves clients"
                        + " that cannot log in, such as a client of another project pointed at the sandbox.")
        Switch walls = Platform.KAFKA_WALLS_BY_DEFAULT ? Switch.ON : Switch.OFF;

        boolean on() {
            return walls == Switch.ON;
        }
    }

    @Command(
            name = "up",
            description = {
                "Start the platform on its embedded default and keep it running until Ctrl-C.",
                "Kafka (KRaft), a MongoDB-wire server, Anvil, the services, the gateway with the portal and the FHIR"
                        + " edge; registers the dev parties and writes .sandbox/endpoints.json for the other commands.",
                "All in this JVM unless --separate-jvms gives each its own."
            })
    static final class Up implements Callable<Integer> {
        @Option(
                names = "--mongo-port",
                paramLabel = "PORT",
                defaultValue = "27017",
                description = "MongoDB's port (0: any free one).")
        int mongoPort;

        @Option(
                names = "--chain-port",
                paramLabel = "PORT",
                defaultValue = "8545",
                description = "The chain node's JSON-RPC port (0: any free one).")
        int chainPort;

        @Option(
                names = "--gateway-port",
                paramLabel = "PORT",
                defaultValue = "8080",
                description = "The gateway's port (API, portal, ops dashboard; 0: any free one).")
        int gatewayPort;

        @Option(
                names = "--fhir-port",
                paramLabel = "PORT",
                defaultValue = "8090",
                description = "The FHIR R4 edge's port (0: any free one).")
        int fhirPort;

        @Option(names = "--hsm", description = HSM_DESCRIPTION)
        boolean hsm;

        @Option(
                names = "--prometheus",
                description = "Also start Debian's Prometheus (apt-get install prometheus) scraping the services with"
                        + " deploy/prometheus/alerts.yml.")
        boolean prometheus;

        @Option(
                names = "--prometheus-port",
                paramLabel = "PORT",
                defaultValue = "9090",
                description = "Prometheus's port, with --prometheus.")
        int prometheusPort;

        @Mixin
        KafkaWallsOption kafkaWalls;

        @Option(
                names = SeparateJvmsUp.FLAG,
                description = "Run the broker, the database, each service, the gateway and the FHIR edge in a JVM of"
                        + " its own (as bench --separate-jvms), on the same ports, logins and files: the other"
                        + " commands work against it unchanged. Ctrl-C or SIGTERM stops every child. Not with --hsm"
                        + " or --kafka-walls off (exit 2).")
        boolean separateJvms;

        @Override
        public Integer call() throws Exception {
            return SandboxUp.run(this);
        }
    }

    @Command(
            name = "demo",
            description = {
                "Tell the story (store, upgrade, consent, erasure); check the chain for secrets.",
                "Runs against a running ./hrm up, or on a platform of its own. The last line on stdout is one JSON"
                        + " summary (\"masterKeyCustody\": keyfile or pkcs11; \"kafkaAcls\": whether the broker runs"
                        + " inside the walls, and then \"forbiddenPublishRefused\" must be true)."
            },
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {"0:every record was committed and every check held", "1:otherwise"})
    static final class Demo implements Callable<Integer> {
        @Option(names = "--hsm", description = HSM_DESCRIPTION + " Only for a platform the demo starts.")
        boolean hsm;

        @Mixin
        KafkaWallsOption kafkaWalls;

        @Override
        public Integer call() throws Exception {
            return StoreDemo.run(hsm, kafkaWalls.on());
        }
    }

    @Command(
            name = "chaos",
            description = {
                "Kill and restart every part of the platform under load, then send bad input.",
                "Every service, each Kafka broker (one, or a replicated cluster of three), the database and the"
                        + " chain node run in processes of their own, Kafka inside its walls (every part logs in as"
                        + " its own principal); each service is killed (kill -9) and restarted, a broker killed (kill"
                        + " -9) and restarted, the database and the chain node restarted, then every consumer gets bad"
                        + " input and a registered party forges with stolen Kafka logins. The last line on stdout is"
                        + " one JSON summary."
            },
            exitCodeListHeading = "Exit codes:%n",
            exitCodeList = {
                "0:nothing lost or written twice, every bad input rejected",
                "1:otherwise",
                "2:a usage error"
            })
    static final class Chaos implements Callable<Integer> {
        @Option(
                names = "--seed",
                paramLabel = "N",
                defaultValue = "7",
                description = "The seed of every random choice of the run (the faults' order and timing).")
        long seed;

        @Option(
                names = "--records",
                paramLabel = "N",
                defaultValue = "300",
                description = "Records streamed in during the faults (at least 50).")
        int records;

        @Option(
                names = "--rate",
                paramLabel = "PER_SECOND",
                defaultValue = "5",
                description = "Records per second (above 0, at most 200).")
        double rate;

        @Option(
                names = "--fault-rounds",
                paramLabel = "N",
                defaultValue = "1",
                description = "How many times each fault kind is injected (1 to 5; each round in its own order).")
        int faultRounds;

        @Option(
                names = "--drain-seconds",
                paramLabel = "N",
                defaultValue = "180",
                description = "How long the pipeline may take to drain once the faults are over.")
        int drainSeconds;

        @Option(
                names = "--brokers",
                paramLabel = "1|3",
                defaultValue = "1",
                description = "Kafka brokers, each its own process: 1, or 3 (every topic replicated three times,"
                        + " min.insync.replicas 2; the Kafka fault kills one broker, chosen by the seed, and restarts"
                        + " it while the other two carry the load).")
        int brokers;

        @Override
        public Integer call() throws Exception {
            return ChaosCommand.run(
                    seed, records, rate, faultRounds, drainSeconds, brokers, HrmCli.HOME.resolve("chaos"));
        }
    }
}
