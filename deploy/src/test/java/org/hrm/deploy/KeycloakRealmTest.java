package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keycloak for production: the realm docker-compose imports has no users, passwords or fixed client secrets, Keycloak
 * runs in production mode with HTTPS and a fixed hostname and no bootstrap admin; the sandbox's development users are
 * an overlay that only the development compose file mounts.
 */
class KeycloakRealmTest {
    private static final String REALM = "deploy/keycloak/hrm-realm.json";
    private static final String DEV_USERS = "deploy/keycloak/dev/hrm-users-0.json";

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void theProductionRealmHasNoUserPasswordOrFixedSecret() throws IOException {
        String text = RepositoryFiles.read(REALM);
        JsonNode realm = new ObjectMapper().readTree(text);

        assertThat(text).doesNotContain("dev-only", "\"credentials\"", "\"secret\"", "localhost");
        assertThat(realm.path("sslRequired").asText()).isEqualTo("all");
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
        for (JsonNode user : realm.path("users")) {
            assertThat(user.has("serviceAccountClientId"))
                    .as(user.path("username").asText() + " is a client's service account, not a person")
                    .isTrue();
        }
        for (JsonNode client : realm.path("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean())
                    .as(client.path("clientId").asText() + ": no password grant")
                    .isFalse();
        }
    }

    @Test
    void theDevelopmentUsersAreAnOverlayThatOnlyTheDevelopmentFileMounts() throws IOException {
        JsonNode users = new ObjectMapper().readTree(RepositoryFiles.read(DEV_USERS));
        String overlay = RepositoryFiles.read("deploy/keycloak/dev/docker-compose.dev.yml");

        assertThat(users.path("realm").asText()).isEqualTo("hrm");
        assertThat(users.path("users").size()).isEqualTo(3);
        assertThat(overlay).contains("./" + DEV_USERS + ":/opt/keycloak/data/import/hrm-users-0.json:ro");
        assertThat(compose.service("keycloak").get("volumes"))
                .isEqualTo(List.of("./" + REALM + ":/opt/keycloak/data/import/hrm-realm.json:ro"));
    }

    @Test
    void keycloakRunsInProductionModeWithHttpsAHostnameAndNoBootstrapAdmin() {
        Map<String, String> environment = compose.environment("keycloak");

        assertThat(compose.command("keycloak")).containsExactly("start", "--import-realm");
        assertThat(environment.get("KC_HOSTNAME")).startsWith("https://");
        assertThat(environment)
                .containsEntry("KC_HTTPS_CERTIFICATE_FILE", "/run/secrets/keycloak-tls.crt")
                .containsEntry("KC_HTTPS_CERTIFICATE_KEY_FILE", "/run/secrets/keycloak-tls.key")
                .doesNotContainKeys("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD");
        assertThat(compose.service("keycloak").get("ports")).isEqualTo(List.of("127.0.0.1:" + 8443 + ":8443"));
        assertThat(compose.environment("gateway-service").get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
                .isEqualTo(environment.get("KC_HOSTNAME") + "/realms/hrm");
    }
}
