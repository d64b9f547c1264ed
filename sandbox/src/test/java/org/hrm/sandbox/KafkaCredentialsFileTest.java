package org.hrm.sandbox;

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

    @Test
    void writesEachPrincipalsLoginOwnerOnlyAndReadsItBack(@TempDir Path home) throws Exception {
        Path file = home.resolve(KafkaCredentialsFile.NAME);
        Map<String, String> hospital = Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.jaas.config", "secret-1");

        KafkaCredentialsFile.write(
                file,
                List.of(SandboxPrincipals.HOSPITAL, SandboxPrincipals.OBSERVER),
                principal -> principal.equals(SandboxPrincipals.HOSPITAL)
                        ? hospital
                        : Map.of("sasl.jaas.config", "secret-2"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(KafkaCredentialsFile.read(file, SandboxPrincipals.HOSPITAL)).isEqualTo(hospital);
        assertThat(KafkaCredentialsFile.read(file, SandboxPrincipals.OBSERVER))
                .isEqualTo(Map.of("sasl.jaas.config", "secret-2"));
        assertThatThrownBy(() -> KafkaCredentialsFile.read(file, SandboxPrincipals.OPERATOR))
                .hasMessageContaining("no Kafka login for " + SandboxPrincipals.OPERATOR);
    }

    @Test
    void aLoginNamesItsPrincipalButNeverItsPassword() {
        KafkaLogin login = new KafkaLogin(
                "127.0.0.1:9092", SandboxPrincipals.HOSPITAL, Map.of("sasl.jaas.config", "password=\"s3cret\""));

        assertThat(login.toString()).contains(SandboxPrincipals.HOSPITAL).doesNotContain("s3cret");
        assertThat(login.config()).containsEntry("bootstrap.servers", "127.0.0.1:9092");
        assertThat(KafkaLogin.open("127.0.0.1:9092").authenticated()).isFalse();
    }
}
