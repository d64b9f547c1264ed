package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every setting a service refuses to start without, or without which it starts but does nothing useful (the vault
 * without its receipt key signs with a key nobody trusts, without consent-service's key or the chain it releases
 * nothing, without operator keys it refuses every command, without the chain RPC's token key every call to the Besu
 * RPC node is refused), is supplied by docker-compose.yml and by the Kubernetes manifests; and no secret reaches a
 * service in an environment variable. (The token key is optional in the code: the sandbox's Anvil needs none.)
 *
 * <p>The list below was read from each service's {@code *Properties} classes and startup checks
 * ({@code KeyVaultProperties}, {@code ReleaseConfiguration}, {@code AuthorityConfiguration},
 * {@code ConsentProperties}/{@code SigningKeySource}, {@code LedgerProperties}, the ledger writer's
 * {@code AuthorityProperties}, {@code GatewayProperties}); a property added there must be added here.
 */
class RequiredSettingsTest {
    /** Kafka's listeners are TLS in both deployments: without its protocol and trust store a service reaches none. */
    private static final List<String> EVERY_SERVICE = List.of(
            "spring.mongodb.uri",
            "spring.kafka.bootstrap-servers",
            "spring.kafka.security.protocol",
            "spring.kafka.ssl.trust-store-type",
            "spring.kafka.ssl.trust-store-location");
    /** The key id the gateway attests under and every consumer trusts it under. */
    private static final String ATTESTATION_KEY_ID = "gateway1";

    static final Map<String, List<String>> REQUIRED = Map.of(
            "key-vault-service",
            List.of(
                    "hrm.vault.master-key-custody",
                    "hrm.vault.pkcs11.library",
                    "hrm.vault.pkcs11.pin-file",
                    "hrm.vault.receipt-key-file",
                    "hrm.vault.consent-public-key",
                    "hrm.vault.chain.rpc-url",
                    "hrm.vault.chain.rpc-token-key-file",
                    "hrm.vault.chain.contracts.patient",
                    "hrm.vault.chain.contracts.practitioner",
                    "hrm.vault.authority.attestation-keys." + ATTESTATION_KEY_ID,
                    "hrm.vault.authority.operator-keys.operator1"),
            "consent-service",
            List.of(
                    "hrm.consent.signing-key-file",
                    "hrm.consent.vault-public-key",
                    "hrm.consent.attestation-keys." + ATTESTATION_KEY_ID),
            "ledger-writer-service",
            List.of(
                    "hrm.ledger.rpc-url",
                    "hrm.ledger.rpc-token-key-file",
                    "hrm.ledger.chain-id",
                    "hrm.ledger.signing-key",
                    "hrm.ledger.contracts.patient",
                    "hrm.ledger.contracts.practitioner",
                    "hrm.ledger.authority.vault-public-key",
                    "hrm.ledger.authority.consent-public-key",
                    "hrm.ledger.authority.attestation-keys." + ATTESTATION_KEY_ID),
            "gateway-service",
            List.of(
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri",
                    "hrm.gateway.attestation.key-file",
                    "hrm.gateway.attestation.key-id",
                    "hrm.gateway.consent-public-key",
                    "hrm.gateway.chain-rpc",
                    "hrm.gateway.chain-rpc-token-key-file"));

    /** Variables whose name says they carry a secret value rather than the path of a file holding one. */
    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(PASSWORD|SECRET|_PIN|SIGNING_KEY|DEPLOYER_KEY|PRIVATE_KEY|_TOKEN)$");

    private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?-[^}]*)?}");

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void composeSuppliesEveryRequiredSetting() {
        List<String> missing = new ArrayList<>();
        String generator = RepositoryFiles.read("deploy/docker/generate-dev-secrets.sh");
        String deployer = RepositoryFiles.read("deploy/besu/deploy-contracts.sh");

        REQUIRED.forEach((service, properties) -> {
            Map<String, String> environment = compose.environment(service);
            Set<String> configTree = composeConfigTree(service, environment);
            for (String property : required(properties)) {
                String variable = variableIn(environment.keySet(), property);
                if (configTree.contains(property)) {
                    continue;
                }
                if (variable == null) {
                    missing.add(service + ": " + property);
                    continue;
                }
                String value = environment.get(variable);
                Matcher reference = COMPOSE_VARIABLE.matcher(value);
                if (reference.find()) {
                    // From compose.env (the generator writes it) or, for contract addresses, from the deployer's
                    // contracts.env that the entrypoint reads when the variable is empty.
                    boolean fromGenerator = generator.contains(reference.group(1) + "=");
                    boolean fromDeployer = environment.containsKey("HRM_ENV_DIR") && deployer.contains(variable + "=");
                    if (!fromGenerator && !fromDeployer) {
                        missing.add(service + ": " + variable + " refers to " + reference.group(1)
                                + ", which neither generate-dev-secrets.sh nor deploy-contracts.sh writes");
                    }
                } else if (value.isBlank()) {
                    missing.add(service + ": " + variable + " is empty");
                }
            }
        });

        assertThat(missing).isEmpty();
    }

    @Test
    void kubernetesSuppliesEveryRequiredSetting() {
        List<String> missing = new ArrayList<>();
        String deployer = RepositoryFiles.read("deploy/besu/deploy-contracts.sh");
        String readme = RepositoryFiles.read("deploy/kubernetes/README.md");

        REQUIRED.forEach((service, properties) -> {
            PodSpec pod = podSpec(service);
            Container container = pod.getContainers().get(0);
            Set<String> variables = new TreeSet<>();
            container.getEnv().forEach(env -> variables.add(env.getName()));
            for (EnvFromSource source : container.getEnvFrom()) {
                String configMap = source.getConfigMapRef().getName();
                if (configMap.equals("hrm-ledger-contracts")) {
                    deployerVariables(deployer).forEach(variables::add);
                } else {
                    variables.addAll(ModelResources.named(ConfigMap.class, configMap)
                            .getData()
                            .keySet());
                }
            }
            Set<String> configTree = kubernetesConfigTree(pod, container);
            for (String property : required(properties)) {
                if (!configTree.contains(property) && variableIn(variables, property) == null) {
                    missing.add(service + ": " + property);
                }
            }
            for (EnvVar env : container.getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                    String configMap = env.getValueFrom().getConfigMapKeyRef().getName();
                    boolean operatorMade = configMap.equals("hrm-published-keys");
                    if (operatorMade) {
                        assertThat(readme)
                                .as(env.getName() + ": README says how to create " + configMap + " with "
                                        + env.getValueFrom()
                                                .getConfigMapKeyRef()
                                                .getKey())
                                .contains("create configmap " + configMap);
                    } else {
                        assertThat(ModelResources.named(ConfigMap.class, configMap)
                                        .getData())
                                .as(env.getName())
                                .containsKey(
                                        env.getValueFrom().getConfigMapKeyRef().getKey());
                    }
                }
            }
        });

        assertThat(missing).isEmpty();
    }

    @Test
    void theGatewayAttestsUnderTheKeyIdEveryConsumerTrusts() {
        assertThat(compose.environment("gateway-service").get("HRM_GATEWAY_ATTESTATION_KEY_ID"))
                .isEqualTo(ATTESTATION_KEY_ID);
        Container gateway = podSpec("gateway-service").getContainers().get(0);
        assertThat(gateway.getEnv())
                .filteredOn(env -> env.getName().equals("HRM_GATEWAY_ATTESTATION_KEY_ID"))
                .singleElement()
                .satisfies(env -> assertThat(env.getValue()).isEqualTo(ATTESTATION_KEY_ID));
    }

    @Test
    void thePortalLogsInAtTheIssuerWhoseTokensTheGatewayAccepts() {
        Map<String, String> gateway = compose.environment("gateway-service");
        assertThat(gateway.get("HRM_GATEWAY_PORTAL_OIDC_AUTHORITY"))
                .isEqualTo(gateway.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"));
        Map<String, String> kubernetes =
                ModelResources.named(ConfigMap.class, "hrm-gateway").getData();
        assertThat(kubernetes.get("HRM_GATEWAY_PORTAL_OIDC_AUTHORITY"))
                .isEqualTo(kubernetes.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"));
    }

    @Test
    void noSecretReachesAServiceInAnEnvironmentVariable() {
        List<String> problems = new ArrayList<>();
        for (String service : compose.serviceNames()) {
            compose.environment(service).forEach((name, value) -> {
                if (SECRET_NAME.matcher(name).matches()) {
                    problems.add("compose " + service + ": " + name);
                }
                if (value.matches("(?s).*://[^/@\\s]+:[^/@\\s]+@.*")) {
                    problems.add("compose " + service + ": " + name + " has credentials in a URI");
                }
            });
        }
        for (String service : REQUIRED.keySet()) {
            for (EnvVar env : podSpec(service).getContainers().get(0).getEnv()) {
                if (SECRET_NAME.matcher(env.getName()).matches()) {
                    problems.add("kubernetes " + service + ": " + env.getName());
                }
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    problems.add("kubernetes " + service + ": " + env.getName() + " from a Secret");
                }
            }
        }

        assertThat(problems).isEmpty();
    }

    private static List<String> required(List<String> properties) {
        List<String> all = new ArrayList<>(EVERY_SERVICE);
        all.addAll(properties);
        return all;
    }

    /** The variable among {@code names} that Spring binds to the property, if any (canonical or dashed form). */
    static String variableIn(Set<String> names, String property) {
        String canonical = property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
        String legacy = property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
        if (names.contains(canonical)) {
            return canonical;
        }
        return names.contains(legacy) ? legacy : null;
    }

    /** Properties read from files: the secrets mounted under the service's SPRING_CONFIG_IMPORT config tree. */
    @SuppressWarnings("unchecked")
    private Set<String> composeConfigTree(String service, Map<String, String> environment) {
        Set<String> properties = new TreeSet<>();
        String imports = environment.getOrDefault("SPRING_CONFIG_IMPORT", "");
        Object secrets = compose.service(service).get("secrets");
        if (imports.isEmpty() || !(secrets instanceof List<?> list)) {
            return properties;
        }
        for (String tree : configTrees(imports)) {
            for (Object secret : list) {
                if (secret instanceof Map<?, ?> spec && spec.get("target") instanceof String target) {
                    if (target.startsWith(tree) && target.indexOf('/', tree.length()) < 0) {
                        properties.add(target.substring(tree.length()));
                        String source = (String) spec.get("source");
                        assertThat(ComposeFile.map(ComposeFile.map(compose.root(), "secrets"), source))
                                .as(service + " secret " + source)
                                .containsKey("file");
                    }
                }
            }
        }
        return properties;
    }

    /** Properties read from files: projected or secret volume items mounted under a config tree. */
    private static Set<String> kubernetesConfigTree(PodSpec pod, Container container) {
        Set<String> properties = new TreeSet<>();
        String imports = container.getEnv().stream()
                .filter(env -> env.getName().equals("SPRING_CONFIG_IMPORT"))
                .map(EnvVar::getValue)
                .findFirst()
                .orElse("");
        for (String tree : configTrees(imports)) {
            for (VolumeMount mount : container.getVolumeMounts()) {
                if (!tree.startsWith(mount.getMountPath())) {
                    continue;
                }
                Volume volume = pod.getVolumes().stream()
                        .filter(each -> each.getName().equals(mount.getName()))
                        .findFirst()
                        .orElseThrow();
                if (volume.getProjected() != null) {
                    volume.getProjected()
                            .getSources()
                            .forEach(source -> source.getSecret()
                                    .getItems()
                                    .forEach(item -> properties.add(fileName(item.getPath()))));
                }
            }
        }
        return properties;
    }

    private static List<String> configTrees(String imports) {
        List<String> trees = new ArrayList<>();
        for (String each : imports.split(",")) {
            String location = each.strip().replaceFirst("^optional:", "");
            if (location.startsWith("configtree:")) {
                String tree = location.substring("configtree:".length());
                // A path segment chosen per pod ($(HRM_LEDGER_LANE)) stands for any directory.
                trees.add(tree.replaceAll("/\\$\\([A-Z_]+\\)/$", "/"));
            }
        }
        return trees;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static List<String> deployerVariables(String deployer) {
        List<String> variables = new ArrayList<>();
        Matcher line = Pattern.compile("(?m)^(HRM_[A-Z_]+)=").matcher(deployer);
        while (line.find()) {
            variables.add(line.group(1));
        }
        return variables;
    }

    private static PodSpec podSpec(String service) {
        return KubernetesServiceConfiguration.podSpec(service);
    }
}
