package org.hrm.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml parsed with anchors and merge keys resolved, and what the tests ask of it. */
final class ComposeFile {
    private final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    static ComposeFile load() {
        return parse(RepositoryFiles.read("docker-compose.yml"));
    }

    static ComposeFile parse(String yaml) {
        return new ComposeFile(new Yaml().load(yaml));
    }

    Map<String, Object> root() {
        return root;
    }

    Set<String> serviceNames() {
        return new TreeSet<>(map(root, "services").keySet());
    }

    Map<String, Object> service(String name) {
        return map(map(root, "services"), name);
    }

    /** Services others wait for with service_completed_successfully: one-shot jobs, not daemons. */
    Set<String> oneShotServices() {
        Set<String> oneShots = new TreeSet<>();
        for (String name : serviceNames()) {
            Object dependsOn = service(name).get("depends_on");
            if (dependsOn instanceof Map<?, ?> dependencies) {
                dependencies.forEach((dependency, condition) -> {
                    if (condition instanceof Map<?, ?> spec
                            && "service_completed_successfully".equals(spec.get("condition"))) {
                        oneShots.add((String) dependency);
                    }
                });
            }
        }
        return oneShots;
    }

    /** The service's environment map, values as text (an unset ${VAR:-} is the empty string). */
    Map<String, String> environment(String service) {
        Map<String, String> environment = new TreeMap<>();
        Object declared = service(service).get("environment");
        if (declared instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> environment.put((String) name, value == null ? "" : value.toString()));
        } else if (declared != null) {
            throw new AssertionError(service + ": environment must be a mapping");
        }
        return environment;
    }

    @SuppressWarnings("unchecked")
    List<String> command(String service) {
        Object command = service(service).get("command");
        return command == null ? List.of() : (List<String>) command;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map<?, ?>)) {
            throw new AssertionError("no mapping '" + key + "' in " + parent.keySet());
        }
        return (Map<String, Object>) value;
    }
}
