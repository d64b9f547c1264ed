package org.hrm.client.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.hrm.crypto.P256KeyPair;
import org.hrm.testsupport.MovingClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChainRpcTokensTest {
    private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");
    private static final List<String> WRITER = List.of("eth:sendRawTransaction", "eth:getTransactionReceipt");

    private final P256KeyPair key = P256KeyPair.generate();
    private final MovingClock clock = new MovingClock(NOW);

    @Test
    void aMintedTokenVerifiesUnderThePublicKeyWithThePermissionsAndExpiryBesuChecks() throws IOException {
        ChainRpcTokens tokens = ChainRpcTokens.of(key, "hrm-ledger-writer", WRITER, clock);

        String authorization = tokens.authorization();

        assertThat(verifies(authorization, key.publicKey())).isTrue();
        JsonNode header = part(authorization, 0);
        JsonNode claims = part(authorization, 1);
        assertThat(header.path("alg").asString()).isEqualTo("ES256");
        assertThat(claims.path("permissions")).extracting(JsonNode::asString).containsExactlyElementsOf(WRITER);
        assertThat(claims.path("exp").asLong())
                .isEqualTo(NOW.plus(ChainRpcTokens.LIFETIME).getEpochSecond());
        assertThat(claims.path("sub").asString()).isEqualTo("hrm-ledger-writer");
        assertThat(claims.has("iat"))
                .as("no iat: Besu refuses one in its future")
                .isFalse();
    }

    @Test
    void aTokenDoesNotVerifyUnderAnotherKey() {
        String authorization = ChainRpcTokens.of(key, "hrm-gateway", List.of("eth:blockNumber"), clock)
                .authorization();

        assertThat(verifies(authorization, P256KeyPair.generate().publicKey())).isFalse();
    }

    @Test
    void theSameTokenServesUntilAMinuteBeforeExpiryThenAFreshOneReplacesIt() throws IOException {
        ChainRpcTokens tokens = ChainRpcTokens.of(key, "hrm-ledger-writer", WRITER, clock);
        String first = tokens.authorization();

        clock.advance(
                ChainRpcTokens.LIFETIME.minus(ChainRpcTokens.REFRESH_BEFORE).minusSeconds(1));
        String beforeRefresh = tokens.authorization();
        clock.advance(Duration.ofSeconds(1));
        String refreshed = tokens.authorization();

        assertThat(beforeRefresh).isEqualTo(first);
        assertThat(refreshed).isNotEqualTo(first);
        assertThat(verifies(refreshed, key.publicKey())).isTrue();
        long firstExpiry = part(first, 1).path("exp").asLong();
        assertThat(part(refreshed, 1).path("exp").asLong())
                .as("a full lifetime from the refresh, beyond the first token's expiry")
                .isEqualTo(clock.instant().plus(ChainRpcTokens.LIFETIME).getEpochSecond())
                .isGreaterThan(firstExpiry + ChainRpcTokens.REFRESH_BEFORE.toSeconds() - 1);
    }

    @Test
    void readsTheKeyFromAOneLineBase64ScalarFileAndNoFileMeansNoTokens(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("besu-rpc-jwt-key");
        Files.writeString(
                file, "# the chain RPC's token key\n" + Base64.getEncoder().encodeToString(key.privateKey()) + "\n");

        String authorization = ChainRpcTokens.fromKeyFile(file.toString(), "hrm-key-vault", List.of("eth:getLogs"))
                .orElseThrow()
                .authorization();

        assertThat(verifies(authorization, key.publicKey())).isTrue();
        assertThat(part(authorization, 1).path("permissions").get(0).asString()).isEqualTo("eth:getLogs");
        assertThat(ChainRpcTokens.fromKeyFile("", "hrm-key-vault", List.of("eth:getLogs")))
                .isEmpty();
        assertThat(ChainRpcTokens.fromKeyFile(null, "hrm-key-vault", List.of("eth:getLogs")))
                .isEmpty();
    }

    @Test
    void refusesPermissionsBesuWouldNotRecognise() {
        assertThatThrownBy(() -> ChainRpcTokens.of(key, "hrm-gateway", List.of("eth_blockNumber"), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChainRpcTokens.of(key, "hrm-gateway", List.of(), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** What Besu does first: the ES256 signature (r || s) under the public key, with the JDK's SunEC. */
    private static boolean verifies(String authorization, byte[] publicPoint) {
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        byte[] spki = HexFormat.of()
                .parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200"
                        + HexFormat.of().formatHex(publicPoint));
        try {
            PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(publicKey);
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode part(String authorization, int index) throws IOException {
        String token = authorization.substring("Bearer ".length());
        return JsonMapper.builder().build().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
    }
}
