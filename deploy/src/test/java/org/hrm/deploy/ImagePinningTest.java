package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hrm.testsupport.Requirements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/images.txt names exactly the third-party images compose runs, the Kubernetes manifests run and the
 * Dockerfiles build on; and deploy/pin-images.sh, run against a stub OCI registry, pins each by the registry's digest
 * in the env file, the kustomization's images: block and so in the Dockerfiles' build args, or fails naming the image
 * and changes nothing; its --check refuses anything not pinned.
 */
class ImagePinningTest {
    private static final String SCRIPT = "deploy/pin-images.sh";
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z0-9_]+):-([^}]+)}");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String ENV = "HRM_LEDGER_CHAIN_ID=1337\n"
            + "KAFKA_IMAGE=apache/kafka:4.1.2\n"
            + "HRM_GATEWAY_PUBLIC_URL=https://hrm.example\n";

    /** An entry the operator adds for the registry of the hrm images: not the script's to drop. */
    private static final String OPERATORS_ENTRY =
            "  - name: hrm/gateway-service\n" + "    newName: registry.hospital.example/hrm/gateway-service\n";

    private final List<Image> images = Image.listed();
    private final ComposeFile compose = ComposeFile.load();

    @TempDir
    Path dir;

    private Path envFile;
    private Path kustomization;
    private StubRegistry dockerHub;
    private StubRegistry quay;

    /** A line of deploy/images.txt. */
    record Image(String variable, String image, List<String> usedBy) {
        static List<Image> listed() {
            return RepositoryFiles.read("deploy/images.txt")
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.trim().split("\\s+"))
                    .map(words -> new Image(words[0], words[1], List.of(words).subList(2, words.length)))
                    .toList();
        }

        String name() {
            return image.substring(0, image.lastIndexOf(':'));
        }

        String tag() {
            return image.substring(image.lastIndexOf(':') + 1);
        }

        boolean inKubernetes() {
            return usedBy.contains("kubernetes");
        }

        boolean inDockerfile() {
            return usedBy.stream().anyMatch(use -> use.startsWith("deploy/docker/"));
        }

        boolean onQuay() {
            return image.startsWith("quay.io/");
        }

        /** The repository and tag the registry is asked for: Docker Hub's official images live under library/. */
        String repository() {
            String path = onQuay() ? name().substring("quay.io/".length()) : name();
            return (path.contains("/") ? path : "library/" + path) + ":" + tag();
        }
    }

    @BeforeEach
    void files() throws IOException {
        envFile = Files.writeString(dir.resolve("compose.env"), ENV);
        kustomization = Files.copy(
                Manifests.directory().resolve(Manifests.KUSTOMIZATION), dir.resolve(Manifests.KUSTOMIZATION));
    }

    @AfterEach
    void stopRegistries() {
        Stream.of(dockerHub, quay).filter(registry -> registry != null).forEach(StubRegistry::close);
    }

    @Test
    void theListNamesExactlyTheImagesComposeRuns() {
        Set<String> run = new TreeSet<>();
        for (String service : compose.serviceNames()) {
            Object image = compose.service(service).get("image");
            if (image != null) {
                Matcher defaulted = DEFAULTED.matcher(image.toString());
                assertThat(defaulted.matches())
                        .as(service + "'s image " + image + " is ${VARIABLE:-name:tag}")
                        .isTrue();
                run.add(defaulted.group(1) + "=" + defaulted.group(2));
            }
        }

        assertThat(run).isEqualTo(listed(image -> image.usedBy().contains("compose"), this::line));
    }

    @Test
    void theDockerfilesBaseImagesAreBuildArgsComposePassesFromTheEnvFile() throws IOException {
        Set<String> dockerfiles;
        try (Stream<Path> files = Files.list(RepositoryFiles.path("deploy/docker"))) {
            dockerfiles = files.map(file -> "deploy/docker/" + file.getFileName())
                    .filter(file -> file.matches(".*/Dockerfile[^/]*") && !file.endsWith(".dockerignore"))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
        Set<String> passed = new TreeSet<>();
        for (BuildArg arg : buildArgs()) {
            Matcher defaulted = DEFAULTED.matcher(arg.value());
            if (defaulted.matches()) {
                passed.add(arg.dockerfile() + " " + defaulted.group(1) + "=" + defaulted.group(2));
            }
        }

        Set<String> bases = new TreeSet<>();
        for (Image image : images) {
            image.usedBy().stream()
                    .filter(use -> use.startsWith("deploy/docker/"))
                    .forEach(dockerfile -> {
                        String text = RepositoryFiles.read(dockerfile);
                        assertThat(text.lines().filter(line -> line.startsWith("FROM ")))
                                .as(dockerfile + " builds on the build arg only")
                                .containsExactly("FROM ${" + image.variable() + "}");
                        assertThat(text)
                                .as(dockerfile)
                                .contains("ARG " + image.variable() + "=" + image.image() + "\n");
                        bases.add(dockerfile + " " + image.variable() + "=" + image.image());
                    });
        }
        assertThat(bases.stream().map(base -> base.split(" ")[0]).toList())
                .as("every Dockerfile has its base image listed, once")
                .containsExactlyElementsOf(dockerfiles);
        assertThat(passed).as("what compose passes as build args").isEqualTo(bases);
    }

    @Test
    void theListNamesExactlyTheThirdPartyImagesTheManifestsRunAndTheKustomizationOverrides() {
        Set<String> run = new TreeSet<>();
        Manifests.all().forEach(document -> imageFields(document.node(), run));
        run.removeIf(image -> image.startsWith("hrm/"));
        Set<String> overridden = new TreeSet<>();
        Manifests.kustomization()
                .path("images")
                .forEach(entry -> overridden.add(
                        entry.path("name").asText() + ":" + entry.path("newTag").asText()));

        Set<String> listed = listed(Image::inKubernetes, Image::image);
        assertThat(run).isEqualTo(listed);
        assertThat(overridden).isEqualTo(listed);
    }

    @Test
    void pinsEveryImageByTheRegistrysDigestInTheEnvFileTheKustomizationAndTheBuildArgs() throws IOException {
        startRegistries(image -> true);
        Files.writeString(kustomization, OPERATORS_ENTRY, StandardOpenOption.APPEND);
        JsonNode before = YAML.readTree(kustomization.toFile());

        Commands.Result pinned = pin();

        assertThat(pinned.exitCode()).as(pinned.output()).isZero();
        Map<String, String> env = DeploymentBootIT.envFile(envFile);
        for (Image image : images) {
            assertThat(env).containsEntry(image.variable(), image.image() + "@" + digest(image));
            assertThat(pinned.output()).contains(image.image() + "@" + digest(image));
        }
        assertThat(env)
                .as("lines the script does not manage are kept")
                .containsEntry("HRM_LEDGER_CHAIN_ID", "1337")
                .containsEntry("HRM_GATEWAY_PUBLIC_URL", "https://hrm.example")
                .hasSize(images.size() + 2);
        assertThat(Files.readAllLines(envFile))
                .filteredOn(line -> line.startsWith("KAFKA_IMAGE="))
                .hasSize(1);

        JsonNode after = YAML.readTree(kustomization.toFile());
        List<String> entries = new ArrayList<>();
        after.path("images").forEach(entry -> entries.add(entry.toString()));
        List<String> expected =
                new ArrayList<>(List.of(YAML.readTree(OPERATORS_ENTRY).path(0).toString()));
        images.stream()
                .filter(Image::inKubernetes)
                .map(image -> YAML.createObjectNode()
                        .put("name", image.name())
                        .put("newTag", image.tag())
                        .put("digest", digest(image))
                        .toString())
                .forEach(expected::add);
        assertThat(entries)
                .as("the operator's own entry kept, the pinned ones replaced")
                .isEqualTo(expected);
        JsonNode rest = ((ObjectNode) after.deepCopy()).without("images");
        JsonNode restBefore = ((ObjectNode) before.deepCopy()).without("images");
        assertThat(rest).as("the rest of the kustomization").isEqualTo(restBefore);

        Set<String> baseImages = new TreeSet<>();
        buildArgs().stream()
                .filter(arg -> arg.name().endsWith("_IMAGE"))
                .forEach(arg ->
                        baseImages.add(arg.name() + "=" + ComposeServiceConfiguration.interpolate(arg.value(), env)));
        assertThat(baseImages)
                .as("the base images compose builds on")
                .isNotEmpty()
                .isEqualTo(listed(Image::inDockerfile, image -> line(image) + "@" + digest(image)));

        Commands.Result check = check();
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void checkFailsNamingEveryImageNotPinned() throws IOException {
        Commands.Result tagsOnly = check();

        assertThat(tagsOnly.exitCode()).isNotZero();
        for (Image image : images) {
            assertThat(tagsOnly.output()).contains("not pinned by digest: " + image.image() + ": " + image.variable());
        }
        assertThat(tagsOnly.output()).contains("hyperledger/besu:26.5.0: no images: entry");

        startRegistries(image -> true);
        assertThat(pin().exitCode()).isZero();
        Files.copy(
                Manifests.directory().resolve(Manifests.KUSTOMIZATION),
                kustomization,
                StandardCopyOption.REPLACE_EXISTING);
        Commands.Result kubernetesUnpinned = check();

        assertThat(kubernetesUnpinned.exitCode()).isNotZero();
        assertThat(kubernetesUnpinned.output().lines().filter(line -> line.contains("not pinned by digest")))
                .singleElement()
                .asString()
                .contains("hyperledger/besu:26.5.0: no images: entry");
    }

    @Test
    void anUnknownTagFailsNamingTheImageAndChangesNothing() throws IOException {
        startRegistries(image -> !image.image().equals("mongo:8.0"));

        assertFailsUnchanged("mongo:8.0", "unknown image or tag");
    }

    @Test
    void aMissingDigestHeaderFailsNamingTheImageAndChangesNothing() throws IOException {
        startRegistries(image -> true);
        quay.withoutDigestHeader();

        assertFailsUnchanged("quay.io/keycloak/keycloak:26.4", "no Docker-Content-Digest");
    }

    @Test
    void anUnreachableRegistryFailsNamingTheImageAndChangesNothing() throws IOException {
        startRegistries(image -> true);
        quay.close();

        assertFailsUnchanged("quay.io/keycloak/keycloak:26.4", "unreachable");
    }

    @Test
    void plainHttpGoesToTheLoopbackOnly() throws IOException {
        startRegistries(image -> true);
        Map<String, String> environment = Map.of(
                "HRM_PIN_REGISTRIES",
                "registry-1.docker.io=" + dockerHub.baseUrl().replace("127.0.0.1", "localhost"));

        Commands.Result refused = run(environment, "--env-file", envFile.toString());

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("neither https nor http://127.0.0.1");
        assertThat(envFile).hasContent(ENV);
    }

    private void assertFailsUnchanged(String image, String reason) throws IOException {
        String kustomizationBefore = Files.readString(kustomization);

        Commands.Result failed = pin();

        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.output().lines().filter(line -> line.contains(reason)))
                .as(failed.output())
                .singleElement()
                .asString()
                .startsWith("pin-images: " + image + ": ");
        assertThat(envFile).hasContent(ENV);
        assertThat(kustomization).hasContent(kustomizationBefore);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("no temporary file left").containsExactlyInAnyOrder(envFile, kustomization);
        }
    }

    private void startRegistries(Predicate<Image> known) throws IOException {
        dockerHub = new StubRegistry(repositories(image -> !image.onQuay() && known.test(image)));
        quay = new StubRegistry(repositories(image -> image.onQuay() && known.test(image)));
    }

    private List<String> repositories(Predicate<Image> which) {
        return images.stream().filter(which).map(Image::repository).toList();
    }

    private String line(Image image) {
        return image.variable() + "=" + image.image();
    }

    private String digest(Image image) {
        return (image.onQuay() ? quay : dockerHub).digest(image.repository());
    }

    private Commands.Result pin() throws IOException {
        Map<String, String> registries = Map.of(
                "HRM_PIN_REGISTRIES", "registry-1.docker.io=" + dockerHub.baseUrl() + " quay.io=" + quay.baseUrl());
        return run(registries, "--env-file", envFile.toString(), "--kustomization", kustomization.toString());
    }

    private Commands.Result check() throws IOException {
        return run(Map.of(), "--check", "--env-file", envFile.toString(), "--kustomization", kustomization.toString());
    }

    private Commands.Result run(Map<String, String> environment, String... arguments) throws IOException {
        Requirements.require(Commands.installed("bash", "--version"), "ImagePinningTest", "bash is not installed");
        Requirements.require(Commands.installed("curl", "--version"), "ImagePinningTest", "curl is not installed");
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT));
        command.addAll(Arrays.asList(arguments));
        Map<String, String> withoutProxy = new HashMap<>(environment);
        // The stub is on the loopback: a proxy of the machine's must not take its requests.
        withoutProxy.putAll(Map.of("NO_PROXY", "127.0.0.1", "no_proxy", "127.0.0.1"));
        return Commands.run(RepositoryFiles.root(), withoutProxy, command.toArray(String[]::new));
    }

    private Set<String> listed(Predicate<Image> which, Function<Image, String> as) {
        return new TreeSet<>(images.stream().filter(which).map(as).toList());
    }

    /** A build arg compose passes to a Dockerfile. */
    record BuildArg(Object dockerfile, String name, String value) {}

    private List<BuildArg> buildArgs() {
        List<BuildArg> buildArgs = new ArrayList<>();
        for (String service : compose.serviceNames()) {
            if (compose.service(service).get("build") instanceof Map<?, ?> build
                    && build.get("args") instanceof Map<?, ?> args) {
                args.forEach((name, value) ->
                        buildArgs.add(new BuildArg(build.get("dockerfile"), name.toString(), value.toString())));
            }
        }
        return buildArgs;
    }

    /** Every text field named image below the node: the containers' images of any kind of workload. */
    private static void imageFields(JsonNode node, Set<String> images) {
        node.properties().forEach(field -> {
            if (field.getKey().equals("image") && field.getValue().isTextual()) {
                images.add(field.getValue().asText());
            }
        });
        node.elements().forEachRemaining(child -> imageFields(child, images));
    }
}
