package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hrm.testsupport.Requirements;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/prometheus/alerts.yml: accepted by {@code promtool check rules}, its unit tests ({@code alerts.test.yml})
 * pass under {@code promtool test rules}, it has the alerts operators expect, and it queries only meters the services
 * expose. Without promtool the promtool checks are skipped with the reason printed; under CI ({@code CI=true}) they
 * fail instead, since {@code .ci/run} installs Debian's prometheus package.
 */
class PrometheusRulesTest {
    private static final String RULES = "deploy/prometheus/alerts.yml";

    @Test
    void promtoolAcceptsTheRules() throws IOException {
        requirePromtool();

        Commands.Result result = Commands.run(RepositoryFiles.root(), Map.of(), "promtool", "check", "rules", RULES);

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void theRulesPassTheirUnitTests() throws IOException {
        requirePromtool();

        Commands.Result result = Commands.run(
                RepositoryFiles.path("deploy/prometheus"), Map.of(), "promtool", "test", "rules", "alerts.test.yml");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }

    @Test
    void theAlertsOperatorsExpectAreThere() {
        assertThat(alerts().keySet())
                .contains(
                        "HrmServiceDown",
                        "HrmConsumerLagGrowing",
                        "HrmDeadLetters",
                        "HrmLedgerPendingStuck",
                        "HrmChainHeadNotAdvancing",
                        "HrmDatabaseUnreachable",
                        "HrmHsmUnreachable",
                        "HrmCertificateExpiring");
    }

    @Test
    void everyRuleQueriesOnlyMetersTheServicesExpose() {
        Set<String> unknown = new TreeSet<>();
        alerts().forEach((name, expression) -> PromQlNames.metricsIn(expression).stream()
                .filter(metric -> !PromQlNames.exposed(metric))
                .forEach(metric -> unknown.add(name + ": " + metric)));

        assertThat(unknown).isEmpty();
    }

    @Test
    void theNameExtractionSeesMetricsNotFunctionsLabelsOrKeywords() {
        assertThat(PromQlNames.metricsIn("sum by (service, reason) (increase(hrm_dead_letters_total{a=\"b c\"}[5m]))"
                        + " > 0 or (x unless x offset 5m) and on (instance) (up offset 5m) < 14 * 86400"))
                .containsExactlyInAnyOrder("hrm_dead_letters_total", "x", "up");
        assertThat(PromQlNames.exposed("hrm_dead_letters_total")).isTrue();
        assertThat(PromQlNames.exposed("hrm_no_such_meter")).isFalse();
    }

    /** Alert name to expression, from every group of the rule file. */
    @SuppressWarnings("unchecked")
    static Map<String, String> alerts() {
        Map<String, Object> file = new Yaml().load(RepositoryFiles.read(RULES));
        Map<String, String> alerts = new java.util.TreeMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.put((String) rule.get("alert"), (String) rule.get("expr"));
            }
        }
        return alerts;
    }

    private static void requirePromtool() {
        Requirements.require(
                Commands.installed("promtool", "--version"),
                "promtool checks",
                "promtool is not installed (Debian: apt-get install -y prometheus)");
    }
}
