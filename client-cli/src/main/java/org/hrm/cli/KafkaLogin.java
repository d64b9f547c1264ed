package org.hrm.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * How one sandbox Kafka client connects: the broker's address, the principal it connects as and that principal's
 * security settings (protocol, SASL mechanism, JAAS line with the password; none on an open broker). {@link
 * #toString()} names the address and the principal, never the settings.
 */
public record KafkaLogin(String bootstrapServers, String principal, Map<String, String> security) {
    public KafkaLogin {
        security = Map.copyOf(security);
    }

    /** A client of an open broker (no principal). */
    public static KafkaLogin open(String bootstrapServers) {
        return new KafkaLogin(bootstrapServers, "(anonymous)", Map.of());
    }

    /** Whether the broker checks who this client is (inside the walls). */
    public boolean authenticated() {
        return !security.isEmpty();
    }

    /** The security settings as extra client settings (to which a caller may add its own). */
    public Map<String, Object> settings() {
        return new HashMap<>(security);
    }

    /** A client configuration: the address and the security settings, to which the caller adds its own. */
    public Properties config() {
        Properties config = new Properties();
        config.putAll(security);
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }

    /** The address and the principal, never the password. */
    @Override
    public String toString() {
        return "KafkaLogin[" + principal + "@" + bootstrapServers + "]";
    }
}
