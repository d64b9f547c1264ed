package org.hrm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaCredentialsFileTest {
    private static final String HOSPITAL = "User:hrm-system-sandbox-hospital";
    private static final String OBSERVER = "User:hrm-observer";
    private static final String OPERATOR = "User:hrm-operator";

    @Test
    void writesEachPrincipalsLoginOwnerOnlyAndReadsItBack(@TempDir Path home) throws Exception {
        Path file = home.resolve(KafkaCredentialsFile.NAME);
        Map<String, String> hospital = Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.jaas.config", "secret-1");

        KafkaCredentialsFile.write(
                file,
                List.of(HOSPITAL, OBSERVER),
                principal -> principal.equals(HOSPITAL) ? hospital : Map.of("sasl.jaas.config", "secret-2"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(KafkaCredentialsFile.read(file, HOSPITAL)).isEqualTo(hospital);
        assertThat(KafkaCredentialsFile.read(file, OBSERVER)).isEqualTo(Map.of("sasl.jaas.config", "secret-2"));
        assertThatThrownBy(() -> KafkaCredentialsFile.read(file, OPERATOR))
                .hasMessageContaining("no Kafka login for " + OPERATOR);
    }

    @Test
    void aLoginNamesItsPrincipalButNeverItsPassword() {
        KafkaLogin login =
                new KafkaLogin("127.0.0.1:9092", HOSPITAL, Map.of("sasl.jaas.config", "password=\"s3cret\""));

        assertThat(login.toString()).contains(HOSPITAL).doesNotContain("s3cret");
        assertThat(login.config()).containsEntry("bootstrap.servers", "127.0.0.1:9092");
        assertThat(KafkaLogin.open("127.0.0.1:9092").authenticated()).isFalse();
    }
}
