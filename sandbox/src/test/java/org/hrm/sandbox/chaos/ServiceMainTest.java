package org.hrm.sandbox.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceMainTest {

    @Test
    void aServiceThatCannotStartSaysWhyOnItsOwnOutputBeforeItExits(@TempDir Path dir) throws Exception {
        Path properties = Files.writeString(dir.resolve("none.properties"), "");
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> ServiceMain.main(new String[] {"no-such-service", properties.toString()}))
                    .isInstanceOf(IllegalArgumentException.class);
        } finally {
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo(ServiceMain.FAILED + " no-such-service: no such service: no-such-service"
                        + System.lineSeparator());
    }
}
