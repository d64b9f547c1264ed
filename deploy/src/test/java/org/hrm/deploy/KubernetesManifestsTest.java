package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Validates every manifest in deploy/kubernetes offline: core kinds against the fabric8 Kubernetes model,
 * Strimzi kinds against Strimzi's model (both strictly), KEDA and MongoDBCommunity against the JSON
 * Schemas in deploy/kubernetes/schemas; and the rules every workload must follow.
 */
class KubernetesManifestsTest {
    private final StrictModelReader reader = new StrictModelReader();

    @Test
    void everyManifestHasAModelOrASchema() {
        List<ManifestDocument> documents = Manifests.all();

        List<ManifestDocument> unchecked = documents.stream()
                .filter(document -> !StrictModelReader.hasModel(document) && !SchemaCheck.hasSchema(document))
                .toList();

        assertThat(documents).hasSizeGreaterThan(40);
        assertThat(unchecked).as("kinds without a validator").isEmpty();
    }

    @Test
    void coreAndStrimziResourcesDeserializeStrictly() {
        List<String> failures = new ArrayList<>();
        List<HasMetadata> resources = new ArrayList<>();

        for (ManifestDocument document : Manifests.all()) {
            if (StrictModelReader.hasModel(document)) {
                try {
                    resources.add(reader.read(document));
                } catch (IOException | RuntimeException e) {
                    failures.add(document + ": " + e.getMessage());
                }
            }
        }

        assertThat(failures).isEmpty();
        assertThat(Manifests.all())
                .filteredOn(document -> document.apiVersion().startsWith("kafka.strimzi.io/"))
                .as("Strimzi resources on the v1 API (v1beta2 is gone in Strimzi 1.0)")
                .isNotEmpty()
                .allSatisfy(document -> assertThat(document.apiVersion()).isEqualTo("kafka.strimzi.io/v1"));
        assertThat(resources)
                .allSatisfy(resource ->
                        assertThat(resource.getMetadata().getName()).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?"));
    }

    @Test
    void kedaAndMongoResourcesMatchTheirSchemas() {
        List<ManifestDocument> documents =
                Manifests.all().stream().filter(SchemaCheck::hasSchema).toList();

        List<String> problems = documents.stream()
                .flatMap(document -> new SchemaCheck().problems(document).stream())
                .toList();

        assertThat(documents).extracting(ManifestDocument::kind).contains("ScaledObject", "MongoDBCommunity");
        assertThat(problems).isEmpty();
    }

    @Test
    void everyDeploymentAndStatefulSetHasProbesAndResources() throws IOException {
        List<String> problems = new ArrayList<>();
        int workloads = 0;

        for (ManifestDocument document : Manifests.all()) {
            HasMetadata resource = StrictModelReader.hasModel(document) ? reader.read(document) : null;
            if (resource instanceof Deployment deployment) {
                workloads++;
                problems.addAll(WorkloadRules.problems(
                        document.toString(), deployment.getSpec().getTemplate()));
            } else if (resource instanceof StatefulSet statefulSet) {
                workloads++;
                problems.addAll(WorkloadRules.problems(
                        document.toString(), statefulSet.getSpec().getTemplate()));
            }
        }

        assertThat(workloads)
                .as("the four services, four validators and the RPC nodes")
                .isEqualTo(9);
        assertThat(problems).isEmpty();
    }

    @Test
    void serviceProbesCallTheActuatorOnPort8080() {
        List<PodTemplateSpec> services = List.of(
                ModelResources.named(Deployment.class, "key-vault-service")
                        .getSpec()
                        .getTemplate(),
                ModelResources.named(StatefulSet.class, "ledger-writer-service")
                        .getSpec()
                        .getTemplate(),
                ModelResources.named(Deployment.class, "consent-service")
                        .getSpec()
                        .getTemplate(),
                ModelResources.named(Deployment.class, "gateway-service")
                        .getSpec()
                        .getTemplate());

        for (PodTemplateSpec template : services) {
            Container container = template.getSpec().getContainers().get(0);
            assertThat(container.getPorts()).anySatisfy(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getContainerPort()).isEqualTo(8080);
            });
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal())
                    .isEqualTo("http");
        }
    }

    @Test
    void theVaultReachesItsKeysThroughPkcs11WithThePinFromAMountedSecretAndNoKeyFile() {
        PodTemplateSpec vault = ModelResources.named(Deployment.class, "key-vault-service")
                .getSpec()
                .getTemplate();
        Container container = vault.getSpec().getContainers().get(0);

        List<String> names =
                container.getEnv().stream().map(env -> env.getName()).toList();

        assertThat(names)
                .contains("HRM_VAULT_PKCS11_LIBRARY", "HRM_VAULT_PKCS11_SLOT", "HRM_VAULT_PKCS11_PIN_FILE")
                .doesNotContain("HRM_VAULT_MASTER_KEY_FILE", "HRM_VAULT_MASTER_KEYS", "HRM_VAULT_SANDBOX");
        assertThat(container.getEnv())
                .filteredOn(env -> env.getName().equals("HRM_VAULT_PKCS11_PIN_FILE"))
                .singleElement()
                .satisfies(env -> assertThat(env.getValue()).startsWith("/var/run/secrets/hrm/vault-hsm/"));
        assertThat(vault.getSpec().getVolumes())
                .anySatisfy(
                        volume -> assertThat(volume.getSecret().getSecretName()).isEqualTo("hrm-vault-hsm-pin"))
                .noneSatisfy(volume -> assertThat(volume.getName()).contains("master"));
    }

    @Test
    void kustomizationListsEveryManifestAndNothingElse() {
        JsonNode resources = Manifests.kustomization().path("resources");

        List<String> listed = StreamSupport.stream(resources.spliterator(), false)
                .map(JsonNode::asText)
                .sorted()
                .toList();

        assertThat(listed).containsExactlyElementsOf(Manifests.files());
    }
}
