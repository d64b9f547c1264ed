package org.hrm.client.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hrm.crypto.P256KeyPair;

/**
 * Bearer tokens for a Besu RPC node that authenticates JSON-RPC with an external ES256 key
 * ({@code --rpc-http-authentication-enabled}, {@code --rpc-http-authentication-jwt-public-key-file},
 * {@code --rpc-http-authentication-jwt-algorithm=ES256}): each token is a JWT signed with the P-256 key whose public
 * half the node holds, naming the JSON-RPC methods this service may call and expiring after five minutes; a new one
 * is minted a minute before the current one expires.
 *
 * <p>What Besu checks (its {@code DefaultAuthenticationService}): the ES256 signature under its one public key, that
 * {@code exp} is present and not past, and for each call that the {@code permissions} claim holds {@code *:*},
 * {@code <api>:*} or {@code <api>:<method>} (eth_sendRawTransaction: {@code eth:sendRawTransaction}). No {@code iat}
 * or {@code nbf} is sent: Besu does not need them, and its JWT library refuses an {@code iat} even a second in its
 * future, which a client clock slightly ahead of the node's would make. {@code sub} names the service, for the node's
 * logs only.
 *
 * <p>The key file holds one line, the base64 of the 32-byte P-256 scalar (the format of every P-256 key of the
 * project; lines starting with # are ignored). The key is kept for the life of the process and never logged.
 */
public final class ChainRpcTokens {
    /** How long a token is valid: Besu's own login tokens live five minutes too. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    /** How long before expiry a new token replaces the current one (covers clock skew and slow requests). */
    public static final Duration REFRESH_BEFORE = Duration.ofMinutes(1);

    private static final Pattern PERMISSION = Pattern.compile("(\\*|[a-z0-9]+):(\\*|[A-Za-z0-9]+)");
    private static final Pattern SUBJECT = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = base64url("{\"alg\":\"ES256\",\"typ\":\"JWT\"}");

    private final P256KeyPair key;
    private final String subject;
    private final List<String> permissions;
    private final Clock clock;
    private String token;
    private Instant expiresAt = Instant.MIN;

    ChainRpcTokens(P256KeyPair key, String subject, List<String> permissions, Clock clock) {
        if (!SUBJECT.matcher(subject).matches()) {
            throw new IllegalArgumentException("subject must be lower-case letters, digits and dashes: " + subject);
        }
        if (permissions.isEmpty()) {
            throw new IllegalArgumentException("a token without permissions is refused by every method");
        }
        for (String permission : permissions) {
            if (!PERMISSION.matcher(permission).matches()) {
                throw new IllegalArgumentException("not a Besu permission (api:method): " + permission);
            }
        }
        this.key = key;
        this.subject = subject;
        this.permissions = List.copyOf(permissions);
        this.clock = clock;
    }

    /**
     * Tokens signed with the key in {@code keyFile}, or none when {@code keyFile} is blank (a node without
     * authentication: Anvil in tests and the sandbox).
     */
    public static Optional<ChainRpcTokens> fromKeyFile(String keyFile, String subject, List<String> permissions) {
        if (keyFile == null || keyFile.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new ChainRpcTokens(readKey(Path.of(keyFile)), subject, permissions, Clock.systemUTC()));
    }

    /** Tokens signed with {@code key} (tests, and tools that hold the key already). */
    public static ChainRpcTokens of(P256KeyPair key, String subject, List<String> permissions, Clock clock) {
        return new ChainRpcTokens(key, subject, permissions, clock);
    }

    /** The value of the Authorization header for the next request: a current token, minted anew when due. */
    public synchronized String authorization() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(expiresAt.minus(REFRESH_BEFORE))) {
            expiresAt = now.plus(LIFETIME);
            token = mint(expiresAt);
        }
        return "Bearer " + token;
    }

    /** The permissions every token carries. */
    public List<String> permissions() {
        return permissions;
    }

    private String mint(Instant expiry) {
        String claims = "{\"sub\":\"" + subject + "\",\"permissions\":"
                + permissions.stream().map(each -> "\"" + each + "\"").collect(Collectors.joining(",", "[", "]"))
                + ",\"exp\":" + expiry.getEpochSecond() + "}";
        String signingInput = HEADER + "." + base64url(claims);
        // JWS ES256 is r || s, 32 bytes each (RFC 7518, 3.4): the bytes Ecdsa signs.
        byte[] signature = key.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signature);
    }

    private static P256KeyPair readKey(Path file) {
        byte[] scalar = null;
        try {
            String line = Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                    .map(String::strip)
                    .filter(each -> !each.isEmpty() && !each.startsWith("#"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("the chain RPC key file " + file + " is empty"));
            scalar = Base64.getDecoder().decode(line);
            if (scalar.length != 32) {
                throw new IllegalStateException(
                        "the chain RPC key file " + file + " must hold the base64 of a 32-byte P-256 scalar");
            }
            return P256KeyPair.fromPrivateKey(scalar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chain RPC key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the chain RPC key file " + file + " is not a base64 P-256 scalar");
        } finally {
            if (scalar != null) {
                Arrays.fill(scalar, (byte) 0);
            }
        }
    }

    private static String base64url(String json) {
        return BASE64URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
