package org.hrm.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs the node tests of the portal's hrm-crypto.js (RFC 9180 vector, tampering, consent signing) in the build. */
class HrmCryptoNodeTest {

    @Test
    void nodeTestsOfTheCryptoLibraryPass() throws IOException {
        NodeScripts.assumeNodeInstalled();

        NodeScripts.Run run = NodeScripts.run(List.of(
                "--test", NodeScripts.JS_TESTS.resolve("hrm-crypto.test.mjs").toString()));

        assertThat(run.exitCode())
                .as("node --test output:%n%s%s", run.stdout(), run.stderr())
                .isZero();
        assertThat(run.stdout()).contains("# fail 0").doesNotContain("# pass 0");
    }
}
