package org.hrm.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service of docker-compose.yml as docker-compose would start it with {@code --env-file compose.env}: its
 * environment with {@code ${VAR:-default}} filled from the generator's compose.env, each docker secret mounted at its
 * target (default /run/secrets/NAME) from the file compose names, and each named volume from {@code volumes}.
 */
final class ComposeServiceConfiguration {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?-([^}]*))?}");

    private ComposeServiceConfiguration() {}

    /**
     * @param secretsDir where generate-dev-secrets.sh wrote the files compose's {@code secrets:} name
     * @param envFile the variables of compose.env
     * @param volumes host directories standing in for the named volumes the service mounts
     */
    static ServiceConfiguration of(
            String service,
            Path secretsDir,
            Map<String, String> envFile,
            Map<String, Path> volumes,
            Path root,
            List<String> problems) {
        ComposeFile compose = ComposeFile.load();
        ContainerFiles files = new ContainerFiles(root);
        mountSecrets(compose, service, secretsDir, files);
        mountVolumes(compose, service, volumes, files, problems);
        Map<String, String> environment = new LinkedHashMap<>();
        compose.environment(service).forEach((name, value) -> environment.put(name, interpolate(value, envFile)));
        return ServiceConfiguration.of("compose", service, environment, files, problems);
    }

    /** A compose value with each ${VAR:-default} filled from the env file, as docker-compose does. */
    static String interpolate(String value, Map<String, String> envFile) {
        Matcher variable = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            String given = envFile.get(variable.group(1));
            String replacement =
                    given != null && !given.isEmpty() ? given : variable.group(2) == null ? "" : variable.group(2);
            variable.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        variable.appendTail(result);
        return result.toString();
    }

    private static void mountSecrets(ComposeFile compose, String service, Path secretsDir, ContainerFiles files) {
        Object secrets = compose.service(service).get("secrets");
        if (!(secrets instanceof List<?> list)) {
            return;
        }
        Map<String, Object> declared = ComposeFile.map(compose.root(), "secrets");
        for (Object secret : list) {
            String source;
            String target;
            if (secret instanceof Map<?, ?> spec) {
                source = (String) spec.get("source");
                target = spec.get("target") instanceof String given ? given : "/run/secrets/" + source;
            } else {
                source = (String) secret;
                target = "/run/secrets/" + source;
            }
            String file = (String) ComposeFile.map(declared, source).get("file");
            Path generated = secretsDir.resolve(Path.of(file).getFileName());
            files.file(target, read(generated));
        }
    }

    private static void mountVolumes(
            ComposeFile compose,
            String service,
            Map<String, Path> volumes,
            ContainerFiles files,
            List<String> problems) {
        Object declared = compose.service(service).get("volumes");
        if (!(declared instanceof List<?> list)) {
            return;
        }
        for (Object volume : list) {
            String[] parts = ((String) volume).split(":");
            Path source = volumes.get(parts[0]);
            if (source == null) {
                problems.add("compose " + service + ": volume " + parts[0] + " has no stand-in in the boot test");
                continue;
            }
            files.link(parts[1], source);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("compose names a secret file the generator did not write: " + file, e);
        }
    }
}
