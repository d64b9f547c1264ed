package org.hrm.deploy;

import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hrm.contracts.Domain;
import org.hrm.contracts.Topic;
import org.hrm.contracts.TopicPolicy;

/**
 * What the topic catalogue ({@link Topic#policy()}) makes of the files that create topics outside Java: compose's
 * topic list, Kubernetes' KafkaTopics, and the retention table of docs/architecture.md. RetentionAgreementTest checks each file is
 * this text (and rewrites them with {@code -Dhrm.write-topic-files=true}).
 */
public final class TopicFiles {
    static final String COMPOSE = "deploy/docker/kafka/topics.txt";
    static final String KUBERNETES = "deploy/kubernetes/kafka/topics.yaml";
    static final String RETENTION_DOC = "docs/architecture.md";
    static final String RETENTION_START = "<!-- retention table: generated from the topic catalogue -->";
    static final String RETENTION_END = "<!-- end of retention table -->";

    /** Kubernetes: six partitions, the most consumers of one group that can share a topic (KEDA's maximum). */
    static final int KUBERNETES_PARTITIONS = 6;

    static final int KUBERNETES_REPLICAS = 3;
    static final int KUBERNETES_MIN_IN_SYNC = 2;

    private TopicFiles() {}

    /**
     * Topic name to "partitions key=value ..." (settings sorted by name) as the catalogue wants every topic created,
     * with {@code partitions} where it fixes none.
     */
    public static Map<String, String> settingsByName(int partitions) {
        Map<String, String> expected = new TreeMap<>();
        for (Topic topic : Topic.values()) {
            String settings = topic.policy().config().entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining(" "));
            int count = topic.policy().partitions().orElse(partitions);
            topic.allNames().forEach(name -> expected.put(name, count + " " + settings));
        }
        return expected;
    }

    static String compose() {
        StringBuilder text = new StringBuilder()
                .append(
                        "# Generated from the topic catalogue (org.hrm.contracts.Topic) by RetentionAgreementTest: do not")
                .append(" edit.\n")
                .append("# docker-compose.yml's kafka-topics creates one topic per line: name, partitions (- is")
                .append(" HRM_TOPIC_PARTITIONS), settings.\n");
        for (Topic topic : Topic.values()) {
            TopicPolicy policy = topic.policy();
            String partitions = policy.partitions().isPresent()
                    ? Integer.toString(policy.partitions().getAsInt())
                    : "-";
            for (String name : topic.allNames()) {
                text.append(name).append(' ').append(partitions);
                policy.config()
                        .forEach((key, value) ->
                                text.append(' ').append(key).append('=').append(value));
                text.append('\n');
            }
        }
        return text.toString();
    }

    static String kubernetes() {
        KafkaAcls acls = new KafkaAcls(ModelResources.all(KafkaUser.class));
        StringBuilder text = new StringBuilder()
                .append(
                        "# Generated from the topic catalogue (org.hrm.contracts.Topic) by RetentionAgreementTest: do not")
                .append(" edit.\n")
                .append(
                        "# One KafkaTopic per catalogue topic, managed by Strimzi's topic operator, with the catalogue's")
                .append(" settings\n")
                .append(
                        "# (the retention table of docs/architecture.md). Six partitions unless the catalogue fixes them: the")
                .append(" most\n")
                .append(
                        "# consumers of one group that can share a topic (KEDA's maxReplicaCount for the key vault). Each")
                .append(" topic's\n")
                .append("# producer and readers (the principals of users.yaml) and the reason for its retention are")
                .append(" noted above it.\n");
        boolean first = true;
        for (Topic topic : Topic.values()) {
            TopicPolicy policy = topic.policy();
            for (String name : topic.allNames()) {
                if (!first) {
                    text.append("---\n");
                }
                first = false;
                text.append("# producer: ")
                        .append(writers(topic))
                        .append("; readers: ")
                        .append(String.join(", ", acls.principalsAllowed(name, AclOperation.READ)))
                        .append('\n')
                        .append("# ")
                        .append(policy.reason())
                        .append('\n')
                        .append("apiVersion: kafka.strimzi.io/v1\n")
                        .append("kind: KafkaTopic\n")
                        .append("metadata:\n")
                        .append("  name: ")
                        .append(name)
                        .append('\n')
                        .append("  labels:\n")
                        .append("    strimzi.io/cluster: hrm-kafka\n")
                        .append("spec:\n")
                        .append("  partitions: ")
                        .append(policy.partitions().orElse(KUBERNETES_PARTITIONS))
                        .append('\n')
                        .append("  replicas: ")
                        .append(KUBERNETES_REPLICAS)
                        .append('\n')
                        .append("  config:\n")
                        .append("    min.insync.replicas: ")
                        .append(KUBERNETES_MIN_IN_SYNC)
                        .append('\n');
                policy.config()
                        .forEach((key, value) -> text.append("    ")
                                .append(key)
                                .append(": ")
                                .append(value)
                                .append('\n'));
            }
        }
        return text.toString();
    }

    /** The retention table of {@link #RETENTION_DOC}, between its two marker lines. */
    static String retentionTable() {
        StringBuilder text = new StringBuilder(RETENTION_START)
                .append("\n| topic | cleanup policy | retention | why |\n| --- | --- | --- | --- |\n");
        for (Topic topic : Topic.values()) {
            TopicPolicy policy = topic.policy();
            String name = topic.perDomain()
                    ? topic.name(Domain.PATIENT).replace("." + Domain.PATIENT.id() + ".", ".<domain>.")
                    : topic.topicName();
            String partitions =
                    policy.partitions().isPresent() ? "; " + policy.partitions().getAsInt() + " partition" : "";
            text.append("| `")
                    .append(name)
                    .append("` | ")
                    .append(policy.cleanup().value())
                    .append(" | ")
                    .append(policy.retention().map(TopicFiles::readable).orElse("latest per key, kept"))
                    .append(partitions)
                    .append(" | ")
                    .append(policy.reason())
                    .append(" |\n");
        }
        return text.append(RETENTION_END).toString();
    }

    /** {@code document} with its retention table replaced by {@code table}. */
    static String withRetentionTable(String document, String table) {
        int start = document.indexOf(RETENTION_START);
        int end = document.indexOf(RETENTION_END);
        if (start < 0 || end < start) {
            throw new AssertionError(RETENTION_DOC + " has no retention table between '" + RETENTION_START + "' and '"
                    + RETENTION_END + "'");
        }
        return document.substring(0, start) + table + document.substring(end + RETENTION_END.length());
    }

    static String readable(Duration duration) {
        long days = duration.toDays();
        if (days >= 365 && days % 365 == 0) {
            return plural(days / 365, "year");
        }
        if (days > 0 && duration.equals(Duration.ofDays(days))) {
            return plural(days, "day");
        }
        if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
            return plural(duration.toHours(), "hour");
        }
        return plural(duration.toMinutes(), "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    /** The roles that write {@code topic} (TopicAccess), hospitals as "hospitals" (one principal each). */
    private static String writers(Topic topic) {
        return org.hrm.contracts.TopicAccess.writers(topic).stream()
                .map(role -> role == org.hrm.contracts.KafkaRole.HOSPITAL ? "hospitals" : role.principal())
                .sorted()
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
