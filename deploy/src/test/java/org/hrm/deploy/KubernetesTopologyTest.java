package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hrm.contracts.Topic;
import org.junit.jupiter.api.Test;

/** The Kubernetes manifests against the topic catalogue, the signing lanes and the Besu network. */
class KubernetesTopologyTest {
    private final KafkaAcls acls = new KafkaAcls(ModelResources.all(KafkaUser.class));

    @Test
    void kafkaTopicsAreExactlyTheTopicCatalogue() {
        List<String> declared = ModelResources.all(KafkaTopic.class).stream()
                .map(topic -> topic.getMetadata().getName())
                .toList();

        assertThat(declared).containsExactlyInAnyOrderElementsOf(catalogue().keySet());
    }

    @Test
    void kedaScalesTheKeyVaultOnTopicsItReadsUpToTheirPartitions() {
        ManifestDocument scaledObject = Manifests.all().stream()
                .filter(document -> document.kind().equals("ScaledObject"))
                .findFirst()
                .orElseThrow();
        Deployment target = ModelResources.named(
                Deployment.class,
                scaledObject.node().at("/spec/scaleTargetRef/name").asText());
        String principal = volume(target.getSpec().getTemplate().getSpec(), "kafka-user")
                .getSecret()
                .getSecretName();
        int maxReplicas = scaledObject.node().at("/spec/maxReplicaCount").asInt();

        List<String> topics = scaledObject.node().at("/spec/triggers").findValuesAsText("topic");

        assertThat(topics).containsExactlyInAnyOrderElementsOf(Topic.RECORD_SUBMITTED.allNames());
        for (String topic : topics) {
            assertThat(acls.principalsAllowed(topic, AclOperation.READ)).contains(principal);
            assertThat(ModelResources.named(KafkaTopic.class, topic).getSpec().getPartitions())
                    .isGreaterThanOrEqualTo(maxReplicas);
        }
    }

    @Test
    void ledgerWriterPodsTakeTheSigningKeyOfTheirOwnOrdinal() {
        StatefulSet writer = ModelResources.named(StatefulSet.class, "ledger-writer-service");
        PodSpec pod = writer.getSpec().getTemplate().getSpec();
        Map<String, EnvVar> env = environment(pod.getContainers().get(0));

        Map<String, String> keyPaths = projectedSecrets(volume(pod, "lanes"));

        assertThat(env).doesNotContainKey("HRM_LEDGER_SIGNING_KEY");
        assertThat(env.get("HRM_LEDGER_LANE").getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.labels['apps.kubernetes.io/pod-index']");
        assertThat(env.get("SPRING_CONFIG_IMPORT").getValue().split(","))
                .startsWith("configtree:/var/run/secrets/hrm/lanes/$(HRM_LEDGER_LANE)/");
        for (int ordinal = 0; ordinal < writer.getSpec().getReplicas(); ordinal++) {
            assertThat(keyPaths)
                    .containsEntry("hrm-ledger-signing-lane-" + ordinal, ordinal + "/hrm.ledger.signing-key");
        }
    }

    @Test
    void fourBesuValidatorsEachMountingOnlyItsOwnNodeKeyWithFreeGas() {
        for (int ordinal = 0; ordinal < 4; ordinal++) {
            String key = "besu-validator-key-" + ordinal;
            StatefulSet validator = ModelResources.named(StatefulSet.class, "besu-validator-" + ordinal);
            PodSpec pod = validator.getSpec().getTemplate().getSpec();
            List<String> args = pod.getContainers().get(0).getArgs();

            assertThat(validator.getSpec().getReplicas()).isEqualTo(1);
            assertThat(args).contains("--node-private-key-file=/keys/key");
            assertThat(pod.getVolumes())
                    .as("besu-validator-" + ordinal + " mounts one key Secret, its own")
                    .filteredOn(volume -> volume.getSecret() != null || volume.getProjected() != null)
                    .singleElement()
                    .satisfies(volume ->
                            assertThat(volume.getSecret().getSecretName()).isEqualTo(key));
        }
        for (String name : List.of("besu-validator-0", "besu-rpc")) {
            Container besu = ModelResources.named(StatefulSet.class, name)
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0);
            assertThat(BesuOptions.of(Map.of(), besu.getArgs()).problems())
                    .as(name)
                    .isEmpty();
        }
    }

    private static Map<String, Topic> catalogue() {
        return Arrays.stream(Topic.values())
                .flatMap(topic -> topic.allNames().stream().map(name -> Map.entry(name, topic)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream()
                .filter(volume -> volume.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    /** Secret name to the one path it is projected to. */
    private static Map<String, String> projectedSecrets(Volume volume) {
        return volume.getProjected().getSources().stream()
                .map(VolumeProjection::getSecret)
                .collect(Collectors.toMap(
                        secret -> secret.getName(),
                        secret -> secret.getItems().get(0).getPath()));
    }

    private static Map<String, EnvVar> environment(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
    }
}
