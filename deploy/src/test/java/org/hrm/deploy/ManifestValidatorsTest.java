package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The manifest checks reject broken manifests: a misspelled field, a wrong type, a missing target or probe. */
class ManifestValidatorsTest {
    private final StrictModelReader reader = new StrictModelReader();

    @Test
    void strictReaderRejectsAMisspelledField() {
        ManifestDocument deployment = document("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: typo}
                spec:
                  selector: {matchLabels: {app: typo}}
                  template:
                    metadata: {labels: {app: typo}}
                    spec:
                      containers:
                        - name: app
                          image: app
                          livenesProbe: {httpGet: {path: /, port: 8080}}
                """);

        assertThatThrownBy(() -> reader.read(deployment))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("livenesProbe");
    }

    @Test
    void strictReaderRejectsAMistypedValue() {
        ManifestDocument deployment = document("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: mistyped}
                spec:
                  replicas: two
                """);

        assertThatThrownBy(() -> reader.read(deployment)).isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void strictReaderRejectsAnUnknownStrimziField() {
        ManifestDocument user = document("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: someone}
                spec:
                  authentication: {type: tls}
                  authorisation: {type: simple, acls: []}
                """);

        assertThatThrownBy(() -> reader.read(user))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("authorisation");
    }

    @Test
    void schemaRejectsAScaledObjectWithoutTarget() {
        ManifestDocument scaledObject = document("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: no-target}
                spec:
                  triggers:
                    - type: kafka
                      metadata: {bootstrapServers: "k:9093", consumerGroup: g, lagThreshold: "10", tsl: enable}
                """);

        List<String> problems = new SchemaCheck().problems(scaledObject);

        assertThat(problems).anyMatch(problem -> problem.contains("scaleTargetRef"));
        assertThat(problems).anyMatch(problem -> problem.contains("tsl"));
    }

    @Test
    void schemaRejectsMongoTlsWithoutACaOrWithAMisspelledField() {
        ManifestDocument mongo = document("""
                apiVersion: mongodbcommunity.mongodb.com/v1
                kind: MongoDBCommunity
                metadata: {name: no-ca}
                spec:
                  members: 1
                  type: ReplicaSet
                  version: "8.0.12"
                  security:
                    authentication: {modes: [SCRAM]}
                    tls: {enabled: true, optinal: false, certificateKeySecretRef: {name: server}}
                  users: []
                """);

        List<String> problems = new SchemaCheck().problems(mongo);

        assertThat(problems).anyMatch(problem -> problem.contains("caCertificateSecretRef"));
        assertThat(problems).anyMatch(problem -> problem.contains("optinal"));
    }

    @Test
    void workloadRulesFlagAContainerWithoutProbesOrLimits() throws IOException {
        Deployment deployment = reader.read(document("""
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata: {name: bare}
                        spec:
                          template:
                            spec:
                              containers:
                                - name: app
                                  image: app
                                  resources: {requests: {cpu: 100m, memory: 64Mi}}
                        """), Deployment.class);

        List<String> problems =
                WorkloadRules.problems("bare", deployment.getSpec().getTemplate());

        assertThat(problems)
                .containsExactlyInAnyOrder(
                        "bare container app: no livenessProbe",
                        "bare container app: no readinessProbe",
                        "bare container app: no cpu limit",
                        "bare container app: no memory limit",
                        "bare: runAsNonRoot is not set",
                        "bare container app: may escalate privileges or keeps capabilities");
    }

    private static ManifestDocument document(String yaml) {
        return Manifests.parse(Path.of("inline.yaml"), yaml).get(0);
    }
}
