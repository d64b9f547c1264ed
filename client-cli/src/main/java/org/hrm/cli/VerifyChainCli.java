package org.hrm.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * The command line of {@code ./hrm verify-chain}: an auditor's report from the chain alone ({@link ChainVerifier}), or
 * with {@code --audit FILE} the check of an exported access history ({@link AuditVerifier}).
 */
@Command(
        name = "verify-chain",
        description = {
            "An auditor's check of the chain alone, or of an exported access history against it.",
            "With --rpc: the ledger contracts, records, grant shares, revocations and tombstones, checking every"
                    + " payload is ciphertext; one JSON report on stdout.",
            "With --audit FILE: an access history exported from the portal (\"Export for an auditor\") against the"
                    + " audit roots on chain and, with the producers' public keys (the sandbox's by default), each"
                    + " entry's producer signature; names every entry changed, dropped, added or unsigned."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:every check held",
            "1:a payload is not ciphertext, a grant share is malformed, or an audit entry does not check",
            "2:a usage error"
        })
final class VerifyChainCli implements Callable<Integer> {
    @Option(
            names = "--rpc",
            paramLabel = "URL",
            description = "The chain node's JSON-RPC URL (required without --audit; with it, default: the running"
                    + " sandbox's).")
    String rpc;

    @Option(
            names = "--rpc-token-key-file",
            paramLabel = "FILE",
            description = "The RPC node's JWT key: every request then carries a short token that opens only the read"
                    + " methods the check calls (a Besu node with JWT authentication).")
    Path rpcTokenKeyFile;

    @Option(
            names = "--audit",
            paramLabel = "FILE",
            description = "Check this exported access history instead of reporting on the chain.")
    Path audit;

    @Option(
            names = "--contracts",
            paramLabel = "ADDRESS",
            split = ",",
            showDefaultValue = Visibility.NEVER,
            description =
                    "With --audit: the ledger contracts holding the audit roots (default: the running" + " sandbox's).")
    List<String> contracts = new ArrayList<>();

    @Option(
            names = "--consent-key",
            paramLabel = "B64",
            description = "With --audit: consent-service's decision public key, to check each entry's producer"
                    + " signature (default: the running sandbox's).")
    String consentKey;

    @Option(
            names = "--gateway-keys",
            paramLabel = "ID=B64",
            description = "With --consent-key: the gateways' attestation public keys, id=base64[,id=base64...].")
    String gatewayKeys;

    @Override
    public Integer call() throws Exception {
        return ChainVerifier.run(this);
    }
}
