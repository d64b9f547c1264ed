package org.hrm.edge.adapter.sdk;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrm.client.gateway.GatewayClient;
import org.hrm.client.kafka.PartyDirectory;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.sdk.PartyKeyHolder;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.edge.domain.RecordSubmitter;
import org.hrm.edge.domain.RecordTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hospital's connection to the platform: its key, one publisher and the party directory it trusts on Kafka (the
 * only topic its principal may read), and the gateway for everything else that concerns it (grantees, stages,
 * releases), as an API client with the hospital's own credentials.
 */
public final class PlatformSdk implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PlatformSdk.class);

    private final PartyKeyHolder hospital;
    private final RecordPublisher publisher;
    private final DirectoryView directory;
    private final GatewayClient gateway;

    private PlatformSdk(
            PartyKeyHolder hospital, RecordPublisher publisher, DirectoryView directory, GatewayClient gateway) {
        this.hospital = hospital;
        this.publisher = publisher;
        this.directory = directory;
        this.gateway = gateway;
    }

    /**
     * Connects as the hospital whose key {@code hospital} holds (a key file's or a token's; closed with this SDK), to
     * Kafka with {@code kafkaSettings} (the hospital principal's login); the directory trusts exactly the given
     * attestation keys.
     */
    public static PlatformSdk connect(
            String bootstrapServers,
            Map<String, Object> kafkaSettings,
            PartyKeyHolder hospital,
            Map<String, String> attestationKeys,
            GatewayClient gateway) {
        Map<String, byte[]> trusted = new LinkedHashMap<>();
        if (attestationKeys != null) {
            attestationKeys.forEach(
                    (id, key) -> trusted.put(id, Base64.getDecoder().decode(key)));
        }
        AttestationKeys keys = AttestationKeys.of(trusted);
        DirectoryView directory = new DirectoryView(() -> PartyDirectory.read(
                bootstrapServers, kafkaSettings, keys, warning -> LOG.warn("party directory: {}", warning)));
        return new PlatformSdk(hospital, RecordPublisher.connect(bootstrapServers, kafkaSettings), directory, gateway);
    }

    public String hospitalId() {
        return hospital.partyId();
    }

    public RecordSubmitter submitter() {
        return new SdkRecordSubmitter(hospital, publisher, directory, gateway);
    }

    public RecordTracker tracker() {
        return new PlatformRecordTracker(hospital, directory, gateway, gateway);
    }

    @Override
    public void close() {
        publisher.close();
        hospital.close();
    }
}
