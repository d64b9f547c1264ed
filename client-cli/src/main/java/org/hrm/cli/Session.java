package org.hrm.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrm.client.gateway.DevLoginTokens;
import org.hrm.client.gateway.GatewayClient;
import org.hrm.client.kafka.PartyDirectory;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.Domain;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.events.PartyKind;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * What a CLI command works against: a running sandbox's endpoints, and clients to reach them. Its publisher connects
 * as the sandbox's hospital system ({@link CliPrincipals#HOSPITAL}), the principal the CLI's parties write as. Public,
 * with its fields, because the sandbox's own commands ({@code vault}) and stories, and the system tests, work against
 * a platform the same way.
 */
public final class Session implements AutoCloseable {
    /** The platform's endpoints file, as read. */
    public final Endpoints endpoints;
    /** Publishes as {@link CliPrincipals#HOSPITAL}. */
    public final RecordPublisher publisher;
    /** The chain node's client. */
    public final Web3j web3j;

    private Session(Endpoints endpoints) {
        this.endpoints = endpoints;
        this.publisher = RecordPublisher.connect(
                endpoints.kafkaBootstrapServers(),
                endpoints.kafka(CliPrincipals.HOSPITAL).settings());
        this.web3j = Web3j.build(new HttpService(endpoints.chainRpc()));
    }

    /** Connects to a platform whose endpoints are known (the demo and the tests). */
    public static Session of(Endpoints endpoints) {
        return new Session(endpoints);
    }

    /** Connects to the platform named by {@code --endpoints FILE}, or the one {@code ./hrm up} started. */
    public static Session open(SessionCommand command) throws IOException {
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

    /** A party's keystore, or a usage error naming the file if there is none. */
    public static PartyKeys keys(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new UsageException("keystore " + file + " not found (./hrm register creates one)");
        }
        return PartyKeyFile.load(file);
    }

    /**
     * The party directory from the compacted directory topic, each history verified by the shared rules, trusting the
     * gateway attestation keys the sandbox published; refused histories are reported on stderr.
     */
    public PartyDirectory directory() {
        Map<String, byte[]> trusted = new LinkedHashMap<>();
        if (endpoints.gatewayAttestationKeys() != null) {
            endpoints
                    .gatewayAttestationKeys()
                    .forEach((id, key) -> trusted.put(id, Base64.getDecoder().decode(key)));
        }
        return PartyDirectory.read(
                endpoints.kafkaBootstrapServers(),
                kafka(CliPrincipals.HOSPITAL).settings(),
                AttestationKeys.of(trusted),
                warning -> System.err.println("warning: " + warning));
    }

    /**
     * The gateway as {@code partyId}, logged in at the sandbox's development issuer: how the CLI reads what a party's
     * Kafka principal may not (an owner's grantees, releases), as every API client does.
     */
    public GatewayClient gateway(String partyId) {
        URI gateway = gatewayUrl();
        return new GatewayClient(gateway, new DevLoginTokens(gateway, partyId));
    }

    /**
     * The gateway as a party not registered yet, logged in with the role of {@code kind}: how {@code ./hrm register}
     * has its registration attested, as a production client does after its first login.
     */
    GatewayClient gatewayForNewParty(String partyId, PartyKind kind) {
        URI gateway = gatewayUrl();
        return new GatewayClient(gateway, DevLoginTokens.forNewParty(gateway, partyId, kind));
    }

    private URI gatewayUrl() {
        if (endpoints.gatewayUrl() == null) {
            throw new UsageException("the endpoints file names no gateway: restart ./hrm up");
        }
        return URI.create(endpoints.gatewayUrl());
    }

    /** How a client of this session connects as {@code principal} (one the endpoints file has a login for). */
    public KafkaLogin kafka(String principal) {
        return endpoints.kafka(principal);
    }

    /** The login of the sandbox's test tooling: reads every topic, writes none. */
    public KafkaLogin observer() {
        return kafka(CliPrincipals.OBSERVER);
    }

    /** The address of the ledger contract of {@code domain}. */
    public String contract(Domain domain) {
        return domain == Domain.PATIENT ? endpoints.patientContract() : endpoints.practitionerContract();
    }

    @Override
    public void close() {
        publisher.close();
        web3j.shutdown();
    }
}
