package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose and Kubernetes create every catalogue topic with its policy (cleanup policy, retention, settings,
 * partitions), and the retention table of docs/architecture.md says what the catalogue says; SandboxTopicsIT checks the sandbox's
 * broker. After changing the catalogue, rewrite the generated files with
 * {@code ./mvnw -B -o test -pl deploy -Dtest=RetentionAgreementTest -Dhrm.write-topic-files=true}.
 */
class RetentionAgreementTest {
    private static final boolean WRITE = Boolean.getBoolean("hrm.write-topic-files");

    @TempDir
    Path dir;

    @Test
    void composesTopicListIsGeneratedFromTheCatalogue() throws IOException {
        assertCurrent(TopicFiles.COMPOSE, TopicFiles.compose());
    }

    @Test
    void kubernetesTopicsAreGeneratedFromTheCatalogue() throws IOException {
        assertCurrent(TopicFiles.KUBERNETES, TopicFiles.kubernetes());
    }

    @Test
    void theArchitecturesRetentionTableIsGeneratedFromTheCatalogue() throws IOException {
        String architecture = RepositoryFiles.read(TopicFiles.RETENTION_DOC);

        assertCurrent(
                TopicFiles.RETENTION_DOC, TopicFiles.withRetentionTable(architecture, TopicFiles.retentionTable()));
    }

    @Test
    void composeCreatesEveryCatalogueTopicWithItsPolicy() throws IOException {
        Path calls = dir.resolve("calls");
        Path stub = dir.resolve("kafka-topics.sh");
        Files.writeString(stub, "#!/bin/bash\necho \"$*\" >> " + calls + "\n");
        stub.toFile().setExecutable(true);
        ComposeFile compose = ComposeFile.load();
        String script = compose.command("kafka-topics")
                .get(0)
                .replace("$$", "$")
                .replace("/opt/kafka/bin/kafka-topics.sh", stub.toString())
                .replace("/bin/bash /hrm-kafka/kafka-principals.sh", "true")
                .replace("/hrm-kafka/", RepositoryFiles.path("deploy/docker/kafka") + "/");
        String partitions = compose.environment("kafka-topics").get("HRM_TOPIC_PARTITIONS");

        Commands.Result run = Commands.run(dir, Map.of("HRM_TOPIC_PARTITIONS", partitions), "bash", "-c", script);

        assertThat(run.exitCode()).as(run.output()).isZero();
        Map<String, String> created = new TreeMap<>();
        for (String call : Files.readAllLines(calls)) {
            List<String> args = Arrays.asList(call.split(" "));
            assertThat(args).contains("--create", "--if-not-exists");
            created.put(after(args, "--topic"), describe(args));
        }
        assertThat(created).isEqualTo(TopicFiles.settingsByName(Integer.parseInt(partitions)));
    }

    @Test
    void kubernetesCreatesEveryCatalogueTopicWithItsPolicy() {
        Map<String, String> declared = new TreeMap<>();
        for (KafkaTopic topic : ModelResources.all(KafkaTopic.class)) {
            Map<String, Object> config = new TreeMap<>(topic.getSpec().getConfig());
            assertThat(config.remove("min.insync.replicas"))
                    .as(topic.getMetadata().getName())
                    .isEqualTo(TopicFiles.KUBERNETES_MIN_IN_SYNC);
            declared.put(
                    topic.getMetadata().getName(),
                    topic.getSpec().getPartitions() + " "
                            + config.entrySet().stream()
                                    .map(entry -> entry.getKey() + "=" + entry.getValue())
                                    .collect(Collectors.joining(" ")));
        }

        assertThat(declared).isEqualTo(TopicFiles.settingsByName(TopicFiles.KUBERNETES_PARTITIONS));
    }

    private static String describe(List<String> args) {
        Map<String, String> config = new TreeMap<>();
        for (int i = 0; i < args.size() - 1; i++) {
            if (args.get(i).equals("--config")) {
                String[] setting = args.get(i + 1).split("=", 2);
                config.put(setting[0], setting[1]);
            }
        }
        return after(args, "--partitions") + " "
                + config.entrySet().stream()
                        .map(entry -> entry.getKey() + "=" + entry.getValue())
                        .collect(Collectors.joining(" "));
    }

    private static String after(List<String> args, String option) {
        int at = args.indexOf(option);
        assertThat(at).as(option + " in " + args).isNotNegative();
        return args.get(at + 1);
    }

    private static void assertCurrent(String file, String generated) throws IOException {
        if (WRITE) {
            Files.writeString(RepositoryFiles.path(file), generated);
        }
        assertThat(RepositoryFiles.read(file))
                .as(file + " is generated from the topic catalogue: rewrite it with -Dhrm.write-topic-files=true")
                .isEqualTo(generated);
    }
}
