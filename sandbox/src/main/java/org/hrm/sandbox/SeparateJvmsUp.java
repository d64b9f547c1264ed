package org.hrm.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hrm.cli.Endpoints;
import org.hrm.cli.Json;
import org.hrm.cli.KafkaCredentialsFile;
import org.hrm.cli.UsageException;
import org.hrm.contracts.Domain;
import org.hrm.gateway.config.GatewayProperties;
import org.hrm.keyvault.application.KeyFileCustody;
import org.hrm.sandbox.chaos.ProcessPlatform;

/**
 * {@code ./hrm up --separate-jvms}: {@code up}'s platform with the broker, the MongoDB-wire server, each service, the
 * gateway and the FHIR edge in a JVM of its own ({@link ProcessPlatform}), reached through the same endpoints file,
 * Kafka logins and key files as the in-process one, so that the other commands work against it unchanged. The vault
 * keeps its keys in the sandbox's key file and the broker runs inside the walls: {@code --hsm} and {@code
 * --kafka-walls off} are refused. Every child is stopped with the platform, by the caller or by the shutdown hook.
 */
final class SeparateJvmsUp {
    static final String FLAG = "--separate-jvms";

    private SeparateJvmsUp() {}

    /** The options {@code up --separate-jvms} does not run with: a usage error (exit 2) that says why. */
    static void refuseWhatItCannotRun(PlatformCli.Up args) {
        if (!args.separateJvms) {
            return;
        }
        if (args.hsm) {
            throw new UsageException("up: " + SandboxHsm.FLAG + " is not supported with " + FLAG
                    + ": the vault in a JVM of its own keeps its keys in the sandbox's key file");
        }
        if (!args.kafkaWalls.on()) {
            throw new UsageException("up: --kafka-walls off is not supported with " + FLAG
                    + ": the broker in a JVM of its own runs inside the walls");
        }
    }

    static SandboxUp.Started start(PlatformCli.Up args, Path home, Consumer<String> progress) throws Exception {
        ProcessPlatform platform =
                ProcessPlatform.start(home, ProcessPlatform.Settings.up(args.mongoPort, args.chainPort), progress);
        Path credentials = home.toAbsolutePath().resolve(KafkaCredentialsFile.NAME);
        Runnable stop = () -> {
            platform.close();
            credentials.toFile().delete();
        };
        try {
            KafkaCredentialsFile.write(
                    credentials,
                    SandboxPrincipals.CLI,
                    principal -> platform.kafka(principal).security());
            platform.startGateway(args.gatewayPort);
            String gatewayUrl = "http://127.0.0.1:" + platform.port(ServiceSettings.GATEWAY);
            List<GatewayProperties.DevUser> users = devUsers(gatewayUrl);
            Endpoints endpoints = endpoints(platform, home, gatewayUrl, users, credentials);
            List<Path> keyFiles = SandboxUp.registerDevParties(endpoints, users, home);
            platform.startFhirEdge(FhirEdgeSandbox.devPartiesProperties(endpoints, home, users), args.fhirPort);
            return new SandboxUp.Started(
                    endpoints,
                    keyFiles,
                    "http://127.0.0.1:" + platform.port(ServiceSettings.FHIR_EDGE) + "/fhir",
                    "consent-service, key-vault-service, ledger-writer-service, gateway-service, fhir-edge-service,"
                            + " each in a JVM of its own; process ids: " + processes(platform.pids()),
                    endpoints.logDir() + "/<service>.log and .out for each service, mongo.log, anvil.log; Kafka's in "
                            + home.resolve("kafka/node-1"),
                    stop);
        } catch (Exception e) {
            stop.run();
            throw e;
        }
    }

    /** The development users, as the gateway's login page lists them. */
    private static List<GatewayProperties.DevUser> devUsers(String gatewayUrl)
            throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(gatewayUrl + "/dev/users")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the gateway lists no development users (" + response.statusCode() + ")");
        }
        return List.of(Json.read(response.body(), GatewayProperties.DevUser[].class));
    }

    private static Endpoints endpoints(
            ProcessPlatform platform,
            Path home,
            String gatewayUrl,
            List<GatewayProperties.DevUser> users,
            Path credentials)
            throws IOException {
        SandboxSecrets secrets = new SandboxSecrets(home);
        return new Endpoints(
                platform.kafka(SandboxPrincipals.HOSPITAL).bootstrapServers(),
                platform.mongoUri(""),
                platform.chainRpc(),
                platform.ledgers().get(Domain.PATIENT),
                platform.ledgers().get(Domain.PRACTITIONER),
                home.resolve("logs").toString(),
                secrets.receiptPublicKey(),
                secrets.masterKeyFile().toAbsolutePath().toString(),
                KeyFileCustody.KIND,
                platform.actuators(),
                gatewayUrl,
                SandboxUp.devLogins(users),
                Map.of(SandboxAttester.KEY_ID, secrets.gatewayAttestationPublicKey()),
                secrets.consentPublicKey(),
                credentials.toString());
    }

    private static String processes(Map<String, Long> pids) {
        return pids.entrySet().stream()
                .map(part -> part.getKey() + " " + part.getValue())
                .collect(Collectors.joining(", "));
    }
}
