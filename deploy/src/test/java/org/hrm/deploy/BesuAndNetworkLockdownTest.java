package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Besu locked down in compose and Kubernetes (validators: P2P only, JSON-RPC and the QBFT API on their loopback; the
 * RPC node: ETH, NET and WEB3 with a host allowlist, and only with an ES256 JWT under the generated key), and a
 * NetworkPolicy for every Kubernetes workload.
 */
class BesuAndNetworkLockdownTest {
    private static final String SERVICE_API = "ETH,NET,WEB3";
    private static final Set<String> RPC_CLIENTS =
            Set.of("key-vault-service", "ledger-writer-service", "gateway-service", "ledger-contracts");
    /** Each RPC client's setting naming the file of the key it signs its tokens with. */
    private static final Map<String, String> TOKEN_KEY_SETTINGS = Map.of(
            "key-vault-service", "HRM_VAULT_CHAIN_RPC_TOKEN_KEY_FILE",
            "ledger-writer-service", "HRM_LEDGER_RPC_TOKEN_KEY_FILE",
            "gateway-service", "HRM_GATEWAY_CHAIN_RPC_TOKEN_KEY_FILE",
            "ledger-contracts", "HRM_LEDGER_RPC_TOKEN_KEY_FILE");

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void composeValidatorsAnswerRpcOnTheirLoopbackOnlyAndTheRpcNodeServesNoAdminApi() {
        for (int n = 1; n <= 4; n++) {
            BesuOptions validator =
                    BesuOptions.of(compose.environment("besu-validator-" + n), compose.command("besu-validator-" + n));
            assertThat(validator.get("rpc-http-host")).isEqualTo("127.0.0.1");
            assertThat(validator.get("host-allowlist")).isEqualTo("localhost,127.0.0.1");
            assertThat(compose.service("besu-validator-" + n)).doesNotContainKey("ports");
        }
        BesuOptions rpc = BesuOptions.of(compose.environment("besu-rpc"), compose.command("besu-rpc"));
        assertThat(rpc.get("rpc-http-api")).isEqualTo(SERVICE_API);
        assertThat(rpc.get("host-allowlist")).doesNotContain("*").contains("besu-rpc");
    }

    @Test
    void kubernetesValidatorsAnswerRpcOnTheirLoopbackOnlyAndTheRpcNodeServesNoAdminApi() {
        for (int ordinal = 0; ordinal < 4; ordinal++) {
            Container validator = container(ModelResources.named(StatefulSet.class, "besu-validator-" + ordinal)
                    .getSpec()
                    .getTemplate());
            BesuOptions options = BesuOptions.of(Map.of(), validator.getArgs());
            assertThat(options.get("rpc-http-host")).isEqualTo("127.0.0.1");
            assertThat(options.get("host-allowlist")).isEqualTo("localhost,127.0.0.1");
            assertThat(validator.getPorts())
                    .noneSatisfy(port -> assertThat(port.getContainerPort()).isEqualTo(8545));
            assertThat(validator.getReadinessProbe().getExec())
                    .as("probed from inside")
                    .isNotNull();
        }
        assertThat(ModelResources.named(Service.class, "besu-validator")
                        .getSpec()
                        .getPorts())
                .noneSatisfy(port -> assertThat(port.getPort()).isEqualTo(8545));
        BesuOptions rpc = BesuOptions.of(
                Map.of(),
                container(ModelResources.named(StatefulSet.class, "besu-rpc")
                                .getSpec()
                                .getTemplate())
                        .getArgs());
        assertThat(rpc.get("rpc-http-api")).isEqualTo(SERVICE_API);
        assertThat(rpc.get("host-allowlist")).doesNotContain("*").startsWith("besu-rpc,");
    }

    @Test
    @SuppressWarnings("unchecked")
    void composeRpcNodeRequiresEs256TokensAndEveryCallerHoldsTheTokenKey() {
        BesuOptions rpc = BesuOptions.of(compose.environment("besu-rpc"), compose.command("besu-rpc"));
        assertThat(rpc.get("rpc-http-authentication-enabled")).isEqualTo("true");
        assertThat(rpc.get("rpc-http-authentication-jwt-algorithm")).isEqualTo("ES256");
        assertThat(rpc.get("rpc-http-authentication-jwt-public-key-file"))
                .isEqualTo("/run/secrets/besu-rpc-jwt-public.pem");
        assertThat((List<Object>) compose.service("besu-rpc").get("secrets")).contains("besu-rpc-jwt-public.pem");
        assertThat(compose.service("besu-rpc").get("secrets").toString()).doesNotContain("besu-rpc-jwt-key");

        TOKEN_KEY_SETTINGS.forEach((client, setting) -> {
            assertThat(compose.environment(client)).as(client).containsEntry(setting, "/run/secrets/besu-rpc-jwt-key");
            assertThat((List<Object>) compose.service(client).get("secrets"))
                    .as(client + " mounts the key")
                    .contains("besu-rpc-jwt-key");
        });
        for (String other : compose.serviceNames()) {
            if (!TOKEN_KEY_SETTINGS.containsKey(other) && compose.service(other).get("secrets") != null) {
                assertThat(compose.service(other).get("secrets").toString())
                        .as(other + " holds no token key")
                        .doesNotContain("besu-rpc-jwt-key");
            }
        }
    }

    @Test
    void kubernetesRpcNodeRequiresEs256TokensAndEveryServiceCallingItHoldsTheTokenKey() {
        PodTemplateSpec rpcPod =
                ModelResources.named(StatefulSet.class, "besu-rpc").getSpec().getTemplate();
        BesuOptions rpc = BesuOptions.of(Map.of(), container(rpcPod).getArgs());
        assertThat(rpc.get("rpc-http-authentication-enabled")).isEqualTo("true");
        assertThat(rpc.get("rpc-http-authentication-jwt-algorithm")).isEqualTo("ES256");
        assertThat(rpc.get("rpc-http-authentication-jwt-public-key-file")).isEqualTo("/jwt/public.pem");
        assertThat(rpcPod.getSpec().getVolumes())
                .anySatisfy(
                        volume -> assertThat(volume.getConfigMap().getName()).isEqualTo("besu-rpc-jwt-public-key"));

        for (String service : List.of("key-vault-service", "ledger-writer-service", "gateway-service")) {
            PodTemplateSpec pod = service.equals("ledger-writer-service")
                    ? ModelResources.named(StatefulSet.class, service).getSpec().getTemplate()
                    : ModelResources.named(Deployment.class, service).getSpec().getTemplate();
            String keyFile = container(pod).getEnv().stream()
                    .filter(env -> env.getName().equals(TOKEN_KEY_SETTINGS.get(service)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " sets no " + TOKEN_KEY_SETTINGS.get(service)))
                    .getValue();
            String mountName = container(pod).getVolumeMounts().stream()
                    .filter(mount -> keyFile.startsWith(mount.getMountPath() + "/"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + ": " + keyFile + " is not mounted"))
                    .getName();
            assertThat(pod.getSpec().getVolumes())
                    .as(service)
                    .filteredOn(volume -> volume.getName().equals(mountName))
                    .singleElement()
                    .satisfies(volume ->
                            assertThat(volume.getSecret().getSecretName()).isEqualTo("hrm-besu-rpc-jwt-key"));
        }
    }

    @Test
    void everyWorkloadIsSelectedByAPolicyOfItsOwnThatAlsoLimitsWhereItSends() {
        List<NetworkPolicy> policies = ModelResources.all(NetworkPolicy.class);
        List<String> problems = new ArrayList<>();

        assertThat(policies).anySatisfy(policy -> {
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
            assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
        });
        for (PodTemplateSpec template : workloads()) {
            Map<String, String> labels = template.getMetadata().getLabels();
            List<NetworkPolicy> own = policies.stream()
                    .filter(policy -> {
                        Map<String, String> selector =
                                policy.getSpec().getPodSelector().getMatchLabels();
                        return selector != null
                                && !selector.isEmpty()
                                && labels.entrySet().containsAll(selector.entrySet());
                    })
                    .toList();
            String name = labels.get("app.kubernetes.io/name");
            if (own.isEmpty()) {
                problems.add(name + ": no NetworkPolicy of its own");
            } else if (own.stream()
                    .noneMatch(policy -> policy.getSpec().getPolicyTypes().contains("Egress"))) {
                problems.add(name + ": nothing limits where it sends");
            }
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void validatorsAdmitOnlyPeersAndMetricsAndOnlyChainClientsReachTheRpcNodes() {
        NetworkPolicy validators = policy("besu-validator");
        Set<Integer> validatorPorts = new TreeSet<>();
        validators
                .getSpec()
                .getIngress()
                .forEach(rule -> rule.getPorts()
                        .forEach(port -> validatorPorts.add(port.getPort().getIntVal())));
        assertThat(validatorPorts).containsExactly(9545, 30303);

        NetworkPolicy rpc = policy("besu-rpc");
        NetworkPolicyIngressRule jsonRpc = rpc.getSpec().getIngress().stream()
                .filter(rule ->
                        rule.getPorts().stream().anyMatch(port -> port.getPort().getIntVal() == 8545))
                .findFirst()
                .orElseThrow();
        assertThat(jsonRpc.getFrom())
                .allSatisfy(peer -> assertThat(peer.getNamespaceSelector()).isNull())
                .extracting(NetworkPolicyPeer::getPodSelector)
                .extracting(selector -> selector.getMatchLabels().get("app.kubernetes.io/name"))
                .containsExactlyInAnyOrderElementsOf(RPC_CLIENTS);
    }

    private static NetworkPolicy policy(String name) {
        return ModelResources.named(NetworkPolicy.class, name);
    }

    private static List<PodTemplateSpec> workloads() {
        List<PodTemplateSpec> templates = new ArrayList<>();
        ModelResources.all(Deployment.class)
                .forEach(deployment -> templates.add(deployment.getSpec().getTemplate()));
        ModelResources.all(StatefulSet.class)
                .forEach(statefulSet -> templates.add(statefulSet.getSpec().getTemplate()));
        return templates;
    }

    private static Container container(PodTemplateSpec template) {
        return template.getSpec().getContainers().get(0);
    }
}
