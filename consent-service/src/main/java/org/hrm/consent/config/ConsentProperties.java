package org.hrm.consent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hrm.contracts.RecordLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code hrm.consent}; everything the service needs besides {@code spring.mongodb.uri} and
 * {@code spring.kafka.bootstrap-servers}.
 *
 * @param signingKeyFile file with one line, the base64 of the 32-byte P-256 scalar that signs decisions; when
 *     unset, the environment variable {@code HRM_CONSENT_SIGNING_KEY} holds that line
 * @param consumerGroup prefix of the consumer groups (one per listener: {@code .parties}, {@code .records},
 *     {@code .consent}, {@code .access}, {@code .erasure})
 * @param concurrency listener threads per listener (at most the number of partitions is useful)
 * @param topicPartitions partitions of the topics the service creates
 * @param topicReplicas replication factor of the topics the service creates
 * @param createTopics whether to create the topics the service consumes and produces
 * @param maxEventBytes largest event accepted, by default a RecordSubmitted of a 4 MiB record (6 MiB); larger ones
 *     are dead-lettered
 * @param decisionTtl how long an AccessDecided stays valid (never longer than the grant it rests on)
 * @param emergencyDecisionTtl how long a break-the-glass decision stays valid: shorter, one read and done
 * @param sendTimeout how long a batch waits for its sends to be acknowledged before it is retried
 * @param retryInitialInterval first back-off after an infrastructure failure (the batch is retried, never dropped)
 * @param retryMaxInterval longest back-off between retries
 * @param unknownPartyGrace how long a grant or revocation naming a party not registered yet is retried (the
 *     registration, read by another consumer, may lag behind it) before it is dead-lettered; counted from the
 *     moment the service first read it
 * @param attestationKeys the gateway attestation public keys trusted for registrations, lost-key rotations and
 *     attested access requests: key id to base64 of the 65-byte SEC1 point (the gateway publishes them at
 *     {@code /api/attestation-keys}); empty: nothing attested is accepted, so no party can register
 */
@ConfigurationProperties("hrm.consent")
public record ConsentProperties(
        Path signingKeyFile,
        @DefaultValue("consent-service") String consumerGroup,
        @DefaultValue("1") int concurrency,
        @DefaultValue("3") int topicPartitions,
        @DefaultValue("1") short topicReplicas,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("" + RecordLimits.MAX_EVENT_BYTES) int maxEventBytes,
        @DefaultValue("60s") Duration decisionTtl,
        @DefaultValue("30s") Duration emergencyDecisionTtl,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("500ms") Duration retryInitialInterval,
        @DefaultValue("30s") Duration retryMaxInterval,
        @DefaultValue("30s") Duration unknownPartyGrace,
        @DefaultValue Map<String, String> attestationKeys) {}
