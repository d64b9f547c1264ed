package org.hrm.gateway.config;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The sandbox's development token issuer: an RSA key generated at start (never stored), tokens for the configured
 * development users, and the decoder that accepts exactly those tokens. Only the {@code dev} profile creates it;
 * production points the resource server at a real OIDC provider.
 */
public final class DevIssuer {
    private final RSAKey key;
    private final JwtEncoder encoder;
    private final GatewayProperties properties;
    private final Clock clock;

    DevIssuer(GatewayProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        KeyPair pair = generate();
        this.key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    /** The users one can log in as, by party id. */
    public List<GatewayProperties.DevUser> users() {
        return properties.dev().users();
    }

    /** A signed access token for a development user: subject = party id, roles = the user's role. */
    public String issue(GatewayProperties.DevUser user) {
        var now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.dev().issuer())
                .subject(user.partyId())
                .audience(List.of(properties.audience()))
                .issuedAt(now)
                .expiresAt(now.plus(properties.dev().tokenLifetime()))
                .claim(properties.rolesClaim(), List.of(user.role()))
                .build();
        return sign(claims);
    }

    /** Signs any claims with the development key (tests use it for expired or wrong-audience tokens). */
    public String sign(JwtClaimsSet claims) {
        JwsHeader header =
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /** The public half as a JWK set, what any other verifier needs. */
    public Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    JwtDecoder decoder() {
        try {
            NimbusJwtDecoder decoder =
                    NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            decoder.setJwtValidator(
                    SecurityConfiguration.validator(properties.dev().issuer(), properties.audience()));
            return decoder;
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException("development key unusable", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA unavailable", e);
        }
    }
}
