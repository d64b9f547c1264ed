package org.hrm.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's first pod as the kubelet would start it from deploy/kubernetes: envFrom ConfigMaps, then env (values,
 * ConfigMap keys, the pod-index label), {@code $(VAR)} expanded as Kubernetes does, and every Secret, projected and
 * emptyDir volume mounted. ConfigMaps deploy/kubernetes/README.md has the operator create, and Secrets (the operator's, Strimzi's and
 * the MongoDB operator's), come from the caller.
 */
final class KubernetesServiceConfiguration {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Za-z0-9_]+)\\)");
    private static final String POD_INDEX = "metadata.labels['apps.kubernetes.io/pod-index']";

    private KubernetesServiceConfiguration() {}

    /**
     * @param configMaps ConfigMaps made outside the manifests (deploy/kubernetes/README.md: hrm-published-keys, hrm-ledger-contracts) and
     *     ones the operator edits for the installation (hrm-vault-hsm), by name; the others come from the manifests
     * @param secrets every Secret's keys and contents, by Secret name
     */
    static ServiceConfiguration of(
            String service,
            Map<String, Map<String, String>> configMaps,
            Map<String, Map<String, byte[]>> secrets,
            Path root,
            List<String> problems) {
        PodSpec pod = podSpec(service);
        Container container = pod.getContainers().get(0);
        ContainerFiles files = new ContainerFiles(root);
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = pod.getVolumes().stream()
                    .filter(each -> each.getName().equals(mount.getName()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + ": no volume " + mount.getName()));
            mount(service, volume, mount.getMountPath(), secrets, files, problems);
        }
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            environment.putAll(configMap(source.getConfigMapRef().getName(), configMaps));
        }
        for (EnvVar variable : container.getEnv()) {
            environment.put(variable.getName(), value(service, variable, environment, configMaps, problems));
        }
        return ServiceConfiguration.of("kubernetes", service, environment, files, problems);
    }

    private static String value(
            String service,
            EnvVar variable,
            Map<String, String> defined,
            Map<String, Map<String, String>> configMaps,
            List<String> problems) {
        if (variable.getValueFrom() == null) {
            return expand(variable.getValue() == null ? "" : variable.getValue(), defined);
        }
        var from = variable.getValueFrom();
        if (from.getConfigMapKeyRef() != null) {
            String value = configMap(from.getConfigMapKeyRef().getName(), configMaps)
                    .get(from.getConfigMapKeyRef().getKey());
            if (value == null) {
                problems.add("kubernetes " + service + ": " + variable.getName() + " names key "
                        + from.getConfigMapKeyRef().getKey() + " that ConfigMap "
                        + from.getConfigMapKeyRef().getName() + " lacks");
                return "";
            }
            return value;
        }
        if (from.getFieldRef() != null && POD_INDEX.equals(from.getFieldRef().getFieldPath())) {
            return "0";
        }
        problems.add("kubernetes " + service + ": " + variable.getName() + " comes from a source the boot test cannot"
                + " stand in for");
        return "";
    }

    /** Kubernetes' $(VAR) expansion: a variable defined earlier is substituted, anything else stays as written. */
    private static String expand(String value, Map<String, String> defined) {
        Matcher reference = REFERENCE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (reference.find()) {
            String known = defined.get(reference.group(1));
            reference.appendReplacement(result, Matcher.quoteReplacement(known != null ? known : reference.group()));
        }
        reference.appendTail(result);
        return result.toString();
    }

    private static Map<String, String> configMap(String name, Map<String, Map<String, String>> configMaps) {
        Map<String, String> given = configMaps.get(name);
        return given != null
                ? given
                : ModelResources.named(ConfigMap.class, name).getData();
    }

    private static void mount(
            String service,
            Volume volume,
            String mountPath,
            Map<String, Map<String, byte[]>> secrets,
            ContainerFiles files,
            List<String> problems) {
        if (volume.getSecret() != null) {
            items(
                    service,
                    volume.getSecret().getSecretName(),
                    volume.getSecret().getItems(),
                    mountPath,
                    secrets,
                    files,
                    problems);
        } else if (volume.getProjected() != null) {
            for (VolumeProjection projection : volume.getProjected().getSources()) {
                items(
                        service,
                        projection.getSecret().getName(),
                        projection.getSecret().getItems(),
                        mountPath,
                        secrets,
                        files,
                        problems);
            }
        } else if (volume.getEmptyDir() != null) {
            files.directory(mountPath);
        } else {
            problems.add("kubernetes " + service + ": volume " + volume.getName() + " of a kind the boot test does"
                    + " not mount");
        }
    }

    private static void items(
            String service,
            String secretName,
            List<KeyToPath> items,
            String mountPath,
            Map<String, Map<String, byte[]>> secrets,
            ContainerFiles files,
            List<String> problems) {
        Map<String, byte[]> secret = secrets.get(secretName);
        if (secret == null) {
            problems.add("kubernetes " + service + ": Secret " + secretName
                    + " is made by nobody (deploy/kubernetes/README.md, operators)");
            return;
        }
        for (KeyToPath item : items) {
            byte[] content = secret.get(item.getKey());
            if (content == null) {
                problems.add("kubernetes " + service + ": Secret " + secretName + " has no key " + item.getKey());
                continue;
            }
            files.file(mountPath + "/" + item.getPath(), content);
        }
    }

    static PodSpec podSpec(String service) {
        if (service.equals("ledger-writer-service")) {
            return ModelResources.named(StatefulSet.class, service)
                    .getSpec()
                    .getTemplate()
                    .getSpec();
        }
        return ModelResources.named(Deployment.class, service)
                .getSpec()
                .getTemplate()
                .getSpec();
    }
}
