package org.hrm.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs authority-vectors.test.mjs in the build: the portal's crypto (WebCrypto under Node) checks the signed-event,
 * key-file and provenance conformance vectors of docs/wire-format/vectors.
 */
class AuthorityVectorsNodeTest {

    @Test
    void theBrowserCryptoAgreesWithTheSignedEventVectors() throws IOException {
        NodeScripts.assumeNodeInstalled();

        NodeScripts.Run run = NodeScripts.run(List.of(
                "--test",
                NodeScripts.JS_TESTS.resolve("authority-vectors.test.mjs").toString()));

        assertThat(run.exitCode())
                .as("node --test output:%n%s%s", run.stdout(), run.stderr())
                .isZero();
        assertThat(run.stdout()).contains("# fail 0").doesNotContain("# pass 0");
    }
}
