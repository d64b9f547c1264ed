package org.hrm.ledgerwriter.support;

import java.util.Map;
import org.hrm.contracts.Domain;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.LedgerDeployment;

/** One Anvil node with both domains' ledgers deployed, shared by the integration tests of a JVM. */
public final class SharedChain {
    private static AnvilNode anvil;
    private static Map<Domain, String> contracts;

    private SharedChain() {}

    public static synchronized String rpcUrl() {
        start();
        return anvil.rpcUrl();
    }

    public static synchronized Map<Domain, String> contracts() {
        start();
        return contracts;
    }

    private static void start() {
        if (anvil == null) {
            anvil = AnvilNode.start(AnvilNode.Options.defaults());
            // The Spring contexts outlive the test classes: stop the node with the JVM, never leave it behind.
            Runtime.getRuntime().addShutdownHook(new Thread(anvil::close, "anvil-shutdown"));
            contracts = LedgerDeployment.deploy(
                    anvil.rpcUrl(), AnvilNode.CHAIN_ID, AnvilNode.ADMIN_KEY, AnvilNode.WRITER_KEY);
        }
    }
}
