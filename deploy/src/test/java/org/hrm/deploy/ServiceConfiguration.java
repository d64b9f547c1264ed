package org.hrm.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service as a deployment configures it: its environment, exactly as the container would get it, with every
 * mounted file placed under {@link ContainerFiles#root()} and the paths in the environment pointing there.
 *
 * @param source "compose" or "kubernetes"
 * @param environment the container's variables, mounted paths rewritten to their host places
 * @param files the container's mounted files
 */
record ServiceConfiguration(String source, String service, Map<String, String> environment, ContainerFiles files) {
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?:^|[:,])(/[A-Za-z0-9._-][A-Za-z0-9._/-]*)");

    /**
     * Builds the configuration from the container's environment as written (container paths), placing files first:
     * every absolute path a variable names must be mounted or be part of the image (exist here), otherwise it is
     * reported in {@code unmounted}.
     */
    static ServiceConfiguration of(
            String source,
            String service,
            Map<String, String> containerEnvironment,
            ContainerFiles files,
            List<String> unmounted) {
        Map<String, String> environment = new LinkedHashMap<>();
        containerEnvironment.forEach((name, value) -> {
            Matcher path = ABSOLUTE_PATH.matcher(value);
            StringBuilder rewritten = new StringBuilder();
            while (path.find()) {
                String containerPath = path.group(1);
                String hostPath = containerPath;
                if (files.mounted(containerPath)) {
                    hostPath = files.host(containerPath) + (containerPath.endsWith("/") ? "/" : "");
                } else if (!Files.exists(Path.of(containerPath))) {
                    unmounted.add(source + " " + service + ": " + name + " names " + containerPath
                            + ", which is neither mounted nor in the image");
                }
                path.appendReplacement(
                        rewritten,
                        Matcher.quoteReplacement(path.group().substring(0, path.start(1) - path.start()) + hostPath));
            }
            path.appendTail(rewritten);
            environment.put(name, rewritten.toString());
        });
        return new ServiceConfiguration(source, service, environment, files);
    }

    /** A copy with {@code overrides} replacing or adding variables. */
    ServiceConfiguration with(Map<String, String> overrides) {
        Map<String, String> changed = new LinkedHashMap<>(environment);
        changed.putAll(overrides);
        return new ServiceConfiguration(source, service, changed, files);
    }

    /** A copy with {@code from} replaced by {@code to} in every value (an infrastructure address). */
    ServiceConfiguration replacing(Map<String, String> addresses, List<String> used) {
        Map<String, String> changed = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            String replaced = value;
            for (Map.Entry<String, String> address : addresses.entrySet()) {
                if (replaced.contains(address.getKey())) {
                    replaced = replaced.replace(address.getKey(), address.getValue());
                    used.add(address.getKey());
                }
            }
            changed.put(name, replaced);
        });
        return new ServiceConfiguration(source, service, changed, files);
    }

    List<String> variables() {
        return new ArrayList<>(environment.keySet());
    }
}
