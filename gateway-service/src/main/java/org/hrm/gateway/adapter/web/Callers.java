package org.hrm.gateway.adapter.web;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.hrm.gateway.domain.Caller;
import org.hrm.gateway.domain.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The caller of the current request, from its verified JWT: the party id from the configured party claim ("sub" by
 * default, the token's name), roles from the roles claim.
 */
final class Callers {
    private static final String PREFIX = "ROLE_";

    private Callers() {}

    static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)
                || token.getName() == null
                || token.getName().isBlank()) {
            throw new ApiProblem(
                    org.springframework.http.HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    "a bearer token naming a party is required");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : token.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith(PREFIX)) {
                Role.fromClaim(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT))
                        .ifPresent(roles::add);
            }
        }
        return new Caller(token.getName(), roles);
    }
}
