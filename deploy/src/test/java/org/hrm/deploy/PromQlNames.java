package org.hrm.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names a PromQL expression reads, and the names the hrm services expose: the alert rules and the
 * dashboard may only query those, so a renamed meter breaks a test rather than an alert that never fires.
 */
final class PromQlNames {
    /**
     * Names from Prometheus itself, Micrometer's Kafka client binder (checked by service-support's
     * KafkaClientMetersTest), Spring Boot's JVM, process, HTTP and SSL bundle metrics.
     */
    private static final Set<String> LIBRARY_METERS = Set.of(
            "up",
            "kafka_producer_record_send_total",
            "kafka_producer_record_error_total",
            "kafka_producer_request_latency_avg",
            "kafka_consumer_fetch_manager_records_lag_max",
            "kafka_consumer_fetch_manager_records_consumed_total",
            "jvm_memory_used_bytes",
            "jvm_memory_max_bytes",
            "jvm_gc_pause_seconds_sum",
            "jvm_gc_pause_seconds_count",
            "jvm_threads_live_threads",
            "process_cpu_usage",
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_sum",
            "ssl_chain_expiry_seconds");

    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "and",
            "or",
            "unless",
            "offset",
            "bool",
            "inf",
            "nan");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private PromQlNames() {}

    /** The metric names in an expression: identifiers that are not functions, keywords, labels or durations. */
    static Set<String> metricsIn(String expression) {
        String bare = expression
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\$\\{?\\w+}?", "");
        bare = GROUPING.matcher(bare).replaceAll("");
        bare = bare.replaceAll("\\boffset\\s+\\w+", "");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(bare);
        while (matcher.find()) {
            String name = matcher.group();
            String rest = bare.substring(matcher.end()).stripLeading();
            boolean function = rest.startsWith("(");
            if (!function && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Whether a service exposes the metric: a library meter, or an {@code hrm_*} meter whose Micrometer name (dots for
     * underscores, without {@code _total}) is written in service-support's source.
     */
    static boolean exposed(String metric) {
        if (LIBRARY_METERS.contains(metric)) {
            return true;
        }
        if (!metric.startsWith("hrm_")) {
            return false;
        }
        String micrometer = '"' + metric.replaceAll("_total$", "").replace('_', '.') + '"';
        try (Stream<Path> files = Files.walk(RepositoryFiles.path("service-support/src/main/java"))) {
            return files.filter(file -> file.toString().endsWith(".java")).anyMatch(file -> {
                try {
                    return Files.readString(file).contains(micrometer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
