package org.hrm.gateway.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the node tests of the portal's scripts in the build: hrm-crypto.js (RFC 9180 vector, tampering, consent
 * signing, owner requests: key rotation and erasure against the frozen Java fixtures, provenance judged against an
 * author's key history), oidc.js (PKCE login) and fhir-render.js (FHIR resources shown as text, attachments as safe
 * downloads).
 */
class HrmCryptoNodeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hrm-crypto.test.mjs",
                "oidc.test.mjs",
                "owner-requests.test.mjs",
                "provenance-history.test.mjs",
                "fhir-render.test.mjs"
            })
    void nodeTestsOfThePortalScriptsPass(String tests) throws IOException {
        NodeScripts.assumeNodeInstalled();

        NodeScripts.Run run = NodeScripts.run(
                List.of("--test", NodeScripts.JS_TESTS.resolve(tests).toString()));

        assertThat(run.exitCode())
                .as("node --test output:%n%s%s", run.stdout(), run.stderr())
                .isZero();
        assertThat(run.stdout()).contains("# fail 0").doesNotContain("# pass 0");
    }
}
