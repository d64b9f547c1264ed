package org.hrm.edge.config;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hospital's settings ({@code hrm.edge.*}).
 *
 * @param kafkaBootstrapServers the platform's Kafka, where records are submitted and statuses read
 * @param keystore the hospital's party key file (JSON, as {@code ./hrm register} writes it): the author key that
 *     signs and the reader key that reads back
 * @param ownerMapping the properties file mapping {@code Patient/<id>} and {@code Practitioner/<id>} to owner ids
 * @param attestationKeys the gateway's public attestation keys by key id (base64 SEC1): which registrations the
 *     party directory trusts
 * @param maxRecordBytes the largest resource JSON accepted; the default 1 MiB keeps the encrypted, base64-encoded
 *     event under the platform's 2 MiB message limit with room for the key shares
 */
@ConfigurationProperties("hrm.edge")
public record EdgeProperties(
        String kafkaBootstrapServers,
        Path keystore,
        Path ownerMapping,
        Map<String, String> attestationKeys,
        @DefaultValue("1048576") int maxRecordBytes) {}
