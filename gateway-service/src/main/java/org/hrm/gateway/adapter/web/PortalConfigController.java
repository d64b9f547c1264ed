package org.hrm.gateway.adapter.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hrm.gateway.config.DevIssuer;
import org.hrm.gateway.config.GatewayProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the portal's login page how users log in: at the configured OIDC provider (production), with the
 * development users (profile {@code dev}), or both. Public: it names nothing secret.
 */
@RestController
class PortalConfigController {
    private final GatewayProperties properties;
    private final boolean devLogin;

    PortalConfigController(GatewayProperties properties, Optional<DevIssuer> devIssuer) {
        this.properties = properties;
        this.devLogin = devIssuer.isPresent();
    }

    @GetMapping("/portal-config.json")
    Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("devLogin", devLogin);
        config.put("rolesClaim", properties.rolesClaim());
        config.put("partyClaim", properties.partyClaim());
        GatewayProperties.Portal portal = properties.portal();
        if (!portal.oidcAuthority().isBlank()) {
            config.put(
                    "oidc",
                    Map.of(
                            "authority", portal.oidcAuthority(),
                            "clientId", portal.clientId(),
                            "scope", portal.scope()));
        }
        return config;
    }
}
