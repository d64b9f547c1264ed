package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Validates every manifest in deploy/kubernetes offline: core kinds against the fabric8 Kubernetes model,
 * Strimzi kinds against Strimzi's model (both strictly), KEDA, MongoDBCommunity and cert-manager against the JSON
 * Schemas in deploy/kubernetes/schemas; and the rules every workload must follow.
 */
class KubernetesManifestsTest {
    private static final String MONGO_TLS_SECRET = "hrm-mongo-tls";
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
        for (PodTemplateSpec template : serviceTemplates()) {
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

    /**
     * MongoDB's TLS, checked here rather than booted: DeploymentBootIT's MongoDB-wire server speaks no TLS. The
     * replica set refuses clients in the clear, its certificate is cert-manager's for the operator's member names,
     * and every service's driver has TLS on with the SSL bundle that trusts that certificate's CA, mounted from it.
     */
    @Test
    void mongoRequiresTlsAndEveryServiceTrustsItsCa() {
        JsonNode mongo = document("MongoDBCommunity", "hrm-mongo").node();
        JsonNode tls = mongo.path("spec").path("security").path("tls");
        JsonNode server = document("Certificate", "hrm-mongo-server").node();
        Map<String, String> common =
                ModelResources.named(ConfigMap.class, "hrm-common").getData();

        assertThat(tls.path("enabled").asBoolean()).isTrue();
        assertThat(tls.path("optional").asBoolean(false))
                .as("clients in the clear refused")
                .isFalse();
        assertThat(tls.path("certificateKeySecretRef").path("name").asText())
                .isEqualTo(tls.path("caCertificateSecretRef").path("name").asText())
                .isEqualTo(server.path("spec").path("secretName").asText())
                .isEqualTo(MONGO_TLS_SECRET);
        assertThat(server.path("spec").path("dnsNames"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(
                        "hrm-mongo-svc.hrm.svc.cluster.local", "*.hrm-mongo-svc.hrm.svc.cluster.local");
        assertThat(common)
                .containsEntry("SPRING_MONGODB_SSL_ENABLED", "true")
                .containsEntry("SPRING_MONGODB_SSL_BUNDLE", "mongo")
                .containsEntry(
                        "SPRING_SSL_BUNDLE_PEM_MONGO_TRUSTSTORE_CERTIFICATE",
                        "file:/var/run/secrets/hrm/mongo-ca/ca.crt");
        for (PodTemplateSpec template : serviceTemplates()) {
            Container container = template.getSpec().getContainers().get(0);
            assertThat(container.getEnvFrom())
                    .anySatisfy(source ->
                            assertThat(source.getConfigMapRef().getName()).isEqualTo("hrm-common"));
            assertThat(container.getEnv())
                    .as(container.getName() + " keeps hrm-common's MongoDB TLS settings")
                    .noneSatisfy(env -> assertThat(env.getName()).matches("SPRING_(MONGODB_SSL|SSL_BUNDLE)_.*"));
            VolumeMount mount = container.getVolumeMounts().stream()
                    .filter(each -> each.getMountPath().equals("/var/run/secrets/hrm/mongo-ca"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(container.getName() + " mounts no MongoDB CA"));
            Volume volume = template.getSpec().getVolumes().stream()
                    .filter(each -> each.getName().equals(mount.getName()))
                    .findFirst()
                    .orElseThrow();
            assertThat(volume.getSecret().getSecretName()).isEqualTo(MONGO_TLS_SECRET);
            assertThat(volume.getSecret().getItems())
                    .as(container.getName() + " sees the CA certificate only, not the members' key")
                    .singleElement()
                    .satisfies(item -> {
                        assertThat(item.getKey()).isEqualTo("ca.crt");
                        assertThat(item.getPath()).isEqualTo("ca.crt");
                    });
        }
    }

    private static ManifestDocument document(String kind, String name) {
        return Manifests.all().stream()
                .filter(document ->
                        document.kind().equals(kind) && document.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static List<PodTemplateSpec> serviceTemplates() {
        return List.of(
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
    }
}
