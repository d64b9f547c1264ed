package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/grafana/hrm-pipeline.json: valid JSON with panels for every stage operators watch, and every metric its
 * queries read is one a service exposes (or Prometheus' own {@code up}).
 */
class GrafanaDashboardTest {
    private final JsonNode dashboard =
            JsonMapper.builder().build().readTree(RepositoryFiles.read("deploy/grafana/hrm-pipeline.json"));

    @Test
    void itIsADashboardWithThePipelinePanels() {
        assertThat(dashboard.path("uid").asString()).isEqualTo("hrm-pipeline");
        List<String> titles = new ArrayList<>();
        panels(dashboard).forEach(panel -> titles.add(panel.path("title").asString()));
        assertThat(String.join("\n", titles))
                .contains("Throughput per stage")
                .contains("Consumer lag")
                .contains("Dead letters")
                .contains("Chain head")
                .contains("Pending transactions")
                .contains("Kafka send latency")
                .contains("Heap used");
    }

    @Test
    void everyQueryReadsOnlyMetersTheServicesExpose() {
        Set<String> queried = new TreeSet<>();
        panels(dashboard)
                .forEach(panel -> panel.path("targets")
                        .forEach(target -> queried.addAll(
                                PromQlNames.metricsIn(target.path("expr").asString()))));

        assertThat(queried).contains("hrm_events_published_total", "hrm_consumer_lag", "hrm_dead_letters_total");
        assertThat(queried.stream().filter(metric -> !PromQlNames.exposed(metric)))
                .isEmpty();
    }

    private static List<JsonNode> panels(JsonNode node) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode panel : node.path("panels")) {
            all.add(panel);
            all.addAll(panels(panel));
        }
        return all;
    }
}
