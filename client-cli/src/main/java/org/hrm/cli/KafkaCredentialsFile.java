package org.hrm.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * The Kafka credentials a sandbox inside the walls leaves for its clients in other JVMs (the CLI, a demo against
 * {@code ./hrm up}): each client principal's security settings, in a file only its owner may read, made before a
 * byte is written and deleted when the platform stops. Never printed.
 */
public final class KafkaCredentialsFile {
    public static final String NAME = "kafka-credentials.properties";

    private KafkaCredentialsFile() {}

    /** Writes the settings of each of {@code principals} to {@code file} (owner read and write only). */
    public static void write(Path file, List<String> principals, Function<String, Map<String, String>> settings) {
        Properties properties = new Properties();
        for (String principal : principals) {
            settings.apply(principal).forEach((key, value) -> properties.setProperty(principal + "." + key, value));
        }
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "Kafka logins of the running sandbox: owner-only, deleted when it stops");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sandbox's Kafka credentials " + file, e);
        }
    }

    /** The security settings of {@code principal} in {@code file}. */
    static Map<String, String> read(Path file, String principal) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox's Kafka credentials " + file, e);
        }
        String prefix = principal + ".";
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith(prefix))
                .forEach(key -> settings.put(key.substring(prefix.length()), properties.getProperty(key)));
        if (settings.isEmpty()) {
            throw new IllegalArgumentException("the sandbox left no Kafka login for " + principal + " in " + file);
        }
        return settings;
    }
}
