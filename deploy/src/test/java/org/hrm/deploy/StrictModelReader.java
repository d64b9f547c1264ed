package org.hrm.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Deserializes manifests into the fabric8 Kubernetes model and Strimzi's model, strictly: an unknown field
 * or a wrong type fails. Both models keep unknown fields in an "additional properties" map (a Jackson
 * any-setter) and fabric8's own mapper also parks mistyped values there; this mapper disables any-setters
 * and registers no lenient module, so {@link DeserializationFeature#FAIL_ON_UNKNOWN_PROPERTIES} applies.
 */
final class StrictModelReader {
    private static final List<Class<? extends HasMetadata>> MODELS = List.of(
            Namespace.class,
            ConfigMap.class,
            Service.class,
            Deployment.class,
            StatefulSet.class,
            HorizontalPodAutoscaler.class,
            PodDisruptionBudget.class,
            NetworkPolicy.class,
            Kafka.class,
            KafkaNodePool.class,
            KafkaTopic.class,
            KafkaUser.class);

    /** Model classes by "apiVersion kind", for every version the class is served as. */
    private static final Map<String, Class<? extends HasMetadata>> BY_TYPE = MODELS.stream()
            .flatMap(type -> servedVersions(type).stream()
                    .map(version -> Map.entry(apiVersion(type, version) + " " + HasMetadata.getKind(type), type)))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    private final ObjectMapper mapper = JsonMapper.builder()
            .annotationIntrospector(new NoAnySetter())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    static Optional<Class<? extends HasMetadata>> modelFor(ManifestDocument document) {
        return Optional.ofNullable(BY_TYPE.get(document.type()));
    }

    static boolean hasModel(ManifestDocument document) {
        return modelFor(document).isPresent();
    }

    /** The typed resource; throws if the kind has no model here or the document does not fit it. */
    HasMetadata read(ManifestDocument document) throws java.io.IOException {
        Class<? extends HasMetadata> type = modelFor(document)
                .orElseThrow(() -> new IllegalArgumentException("no Java model registered for " + document));
        return mapper.treeToValue(document.node(), type);
    }

    <T> T read(ManifestDocument document, Class<T> type) throws java.io.IOException {
        return type.cast(read(document));
    }

    /**
     * Strimzi's classes carry one @Version (v1beta2 for Kafka in 0.51) but list every version their CRD
     * serves in a VERSIONS constant; fabric8's classes serve the one version of their annotation.
     */
    @SuppressWarnings("unchecked")
    private static List<String> servedVersions(Class<? extends HasMetadata> type) {
        try {
            return (List<String>) type.getField("VERSIONS").get(null);
        } catch (NoSuchFieldException e) {
            return List.of(HasMetadata.getVersion(type));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String apiVersion(Class<? extends HasMetadata> type, String version) {
        String group = HasMetadata.getGroup(type);
        return group == null || group.isEmpty() ? version : group + "/" + version;
    }

    /** Makes Jackson ignore @JsonAnySetter, so unknown fields reach FAIL_ON_UNKNOWN_PROPERTIES. */
    private static final class NoAnySetter extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }
    }
}
