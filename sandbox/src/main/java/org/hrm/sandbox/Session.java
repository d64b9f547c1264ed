package org.hrm.sandbox;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrm.cli.Endpoints;
import org.hrm.cli.Json;
import org.hrm.cli.KafkaLogin;
import org.hrm.cli.UsageException;
import org.hrm.client.gateway.DevLoginTokens;
import org.hrm.client.gateway.GatewayClient;
import org.hrm.client.kafka.PartyDirectory;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.Domain;
import org.hrm.contracts.authority.AttestationKeys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * What a CLI command works against: a running sandbox's endpoints, and clients to reach them. Its publisher connects
 * as the sandbox's hospital system ({@link SandboxPrincipals#HOSPITAL}), the principal the CLI's parties write as.
 */
final class Session implements AutoCloseable {
    final Endpoints endpoints;
    final RecordPublisher publisher;
    final Web3j web3j;

    private Session(Endpoints endpoints) {
        this.endpoints = endpoints;
        this.publisher = RecordPublisher.connect(
                endpoints.kafkaBootstrapServers(),
                endpoints.kafka(SandboxPrincipals.HOSPITAL).settings());
        this.web3j = Web3j.build(new HttpService(endpoints.chainRpc()));
    }

    /** Connects to a platform whose endpoints are known (the demo and the tests). */
    static Session of(Endpoints endpoints) {
        return new Session(endpoints);
    }

    /** Connects to the platform named by {@code --endpoints FILE}, or the one {@code ./hrm up} started. */
    static Session open(SessionCommand command) throws IOException {
        Path file = command.endpoints;
        if (!Files.exists(file)) {
            throw new UsageException("no running platform: start one with ./hrm up (" + file + " is missing)");
        }
        Endpoints endpoints = Json.read(Files.readString(file), Endpoints.class);
        if (!Reachable.kafka(endpoints.kafkaBootstrapServers())) {
            throw new UsageException("the platform in " + file + " does not answer: is ./hrm up still running?");
        }
        return new Session(endpoints);
    }

    static PartyKeys keys(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new UsageException("keystore " + file + " not found (./hrm register creates one)");
        }
        return PartyKeyFile.load(file);
    }

    /**
     * The party directory from the compacted directory topic, each history verified by the shared rules, trusting the
     * gateway attestation keys the sandbox published; refused histories are reported on stderr.
     */
    PartyDirectory directory() {
        Map<String, byte[]> trusted = new LinkedHashMap<>();
        if (endpoints.gatewayAttestationKeys() != null) {
            endpoints
                    .gatewayAttestationKeys()
                    .forEach((id, key) -> trusted.put(id, Base64.getDecoder().decode(key)));
        }
        return PartyDirectory.read(
                endpoints.kafkaBootstrapServers(),
                kafka(SandboxPrincipals.HOSPITAL).settings(),
                AttestationKeys.of(trusted),
                warning -> System.err.println("warning: " + warning));
    }

    /**
     * The gateway as {@code partyId}, logged in at the sandbox's development issuer: how the CLI reads what a party's
     * Kafka principal may not (an owner's grantees, releases), as every API client does.
     */
    GatewayClient gateway(String partyId) {
        if (endpoints.gatewayUrl() == null) {
            throw new UsageException("the endpoints file names no gateway: restart ./hrm up");
        }
        URI gateway = URI.create(endpoints.gatewayUrl());
        return new GatewayClient(gateway, new DevLoginTokens(gateway, partyId));
    }

    /** How a client of this session connects as {@code principal} (one of {@link SandboxPrincipals}). */
    KafkaLogin kafka(String principal) {
        return endpoints.kafka(principal);
    }

    /** The login of the sandbox's test tooling: reads every topic, writes none. */
    KafkaLogin observer() {
        return kafka(SandboxPrincipals.OBSERVER);
    }

    String contract(Domain domain) {
        return domain == Domain.PATIENT ? endpoints.patientContract() : endpoints.practitionerContract();
    }

    @Override
    public void close() {
        publisher.close();
        web3j.shutdown();
    }
}
