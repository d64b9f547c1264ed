package org.hrm.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A SoftHSM2 token (Debian package {@code softhsm2}) standing in for the vault's HSM in tests and the sandbox.
 *
 * <p>SoftHSM2 reads its configuration file from the environment variable {@code SOFTHSM2_CONF} once, when the JVM
 * first loads the library: the variable must be set before the JVM starts (Maven's test plugins and {@code ./hrm}
 * set it), and this class writes the file it names, pointing at a fresh token directory.
 */
public final class SoftHsm {
    /** Where Debian installs the library. */
    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");

    public static final String CONF_VARIABLE = "SOFTHSM2_CONF";
    private static final String UTIL = "softhsm2-util";

    /**
     * An initialised token.
     *
     * @param library the PKCS#11 library to configure the vault with
     * @param pinFile the user PIN, in a file readable by its owner only
     * @param label the token's label
     */
    public record Token(Path library, Path pinFile, String label) {}

    private SoftHsm() {}

    /** Why no SoftHSM2 token can be made in this JVM, or null when one can. */
    public static String unavailable() {
        if (!Files.isReadable(LIBRARY) || !onPath(UTIL)) {
            return "SoftHSM2 is not installed (" + LIBRARY + " and " + UTIL + "): apt-get install softhsm2";
        }
        String conf = System.getenv(CONF_VARIABLE);
        if (conf == null || conf.isBlank()) {
            return "the environment variable " + CONF_VARIABLE + " is not set for this JVM (SoftHSM2 reads it when "
                    + "the library loads; ./hrm and the Maven test plugins set it)";
        }
        return null;
    }

    /**
     * Makes a fresh token labelled {@code label} in {@code directory}/tokens (anything there before is deleted),
     * with random SO and user PINs, and writes the configuration file {@code SOFTHSM2_CONF} names.
     */
    public static Token initialise(Path directory, String label) throws IOException {
        String reason = unavailable();
        if (reason != null) {
            throw new IllegalStateException(reason);
        }
        Path tokens = directory.toAbsolutePath().resolve("tokens");
        deleteTree(tokens);
        Files.createDirectories(tokens);
        Path conf = Path.of(System.getenv(CONF_VARIABLE)).toAbsolutePath();
        Files.createDirectories(conf.getParent());
        Files.writeString(
                conf,
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n",
                StandardCharsets.UTF_8);
        String pin = randomPin();
        Path pinFile = directory.toAbsolutePath().resolve("token.pin");
        Files.deleteIfExists(pinFile);
        Files.createFile(pinFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(pinFile, pin + "\n", StandardCharsets.UTF_8);
        run(List.of(UTIL, "--init-token", "--free", "--label", label, "--so-pin", randomPin(), "--pin", pin), conf);
        return new Token(LIBRARY, pinFile, label);
    }

    /**
     * Generates a P-256 key pair labelled {@code label} inside the token with the JDK's {@code keytool} (a private key
     * and a self-signed certificate holding its public key), as an operator would: the SunPKCS11 configuration in
     * {@code providerConfiguration} decides the key's attributes (sensitive, not extractable). The PIN goes to keytool
     * in its file, never on its command line.
     */
    public static void generateP256Key(Token token, Path providerConfiguration, String label) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        run(
                List.of(
                        keytool.toString(),
                        "-genkeypair",
                        "-keystore",
                        "NONE",
                        "-storetype",
                        "PKCS11",
                        "-addprovider",
                        "SunPKCS11",
                        "-providerArg",
                        providerConfiguration.toAbsolutePath().toString(),
                        "-storepass:file",
                        token.pinFile().toString(),
                        "-alias",
                        label,
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=" + label,
                        "-validity",
                        "3650"),
                Path.of(System.getenv(CONF_VARIABLE)).toAbsolutePath());
    }

    private static void run(List<String> command, Path conf) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(CONF_VARIABLE, conf.toString());
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                // The PINs are arguments of this one short-lived child only; its output never contains them.
                throw new IOException(command.get(0) + " " + command.get(1) + " failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while initialising the SoftHSM2 token", e);
        } finally {
            process.destroy();
        }
    }

    private static String randomPin() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null
                && Stream.of(path.split(java.io.File.pathSeparator))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
