package org.hrm.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hrm.contracts.audit.AccessHistoryExport;
import org.hrm.contracts.audit.AuditHistoryCheck;
import org.hrm.contracts.audit.MerkleTree;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.authority.AuditAuthority;
import org.hrm.contracts.ledger.RecordLedger;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * {@code ./hrm verify-chain --audit FILE}: checks an exported access history against the audit roots that the ledger
 * contracts anchored, read from a node alone, and names every entry that was changed, dropped or added.
 *
 * <p>Only the ledger contracts' roots count (the sandbox's, or those named with {@code --contracts}): anyone can
 * deploy a contract that emits an AuditAnchored log, so a root from any other address proves nothing. The proof's own
 * contract and transaction are not trusted either: the root is looked up by value.
 *
 * <p>With the producers' public keys (consent-service's decision key and the gateway's attestation keys, from
 * {@code --consent-key} and {@code --gateway-keys}, or the sandbox's endpoints file) it also checks that each entry's
 * producer signed it, so an auditor need not trust the ledger writer that anchored it; {@code signaturesChecked}
 * says whether it did.
 */
public final class AuditVerifier {
    static final String AUDIT_ANCHORED = EventEncoder.encode(RecordLedger.AUDITANCHORED_EVENT);
    private static final long BLOCKS_PER_QUERY = 5_000;

    private final Web3j web3j;
    private final List<String> contracts;
    private final Optional<AuditAuthority> producers;

    public AuditVerifier(Web3j web3j, List<String> contracts, Optional<AuditAuthority> producers) {
        this.web3j = web3j;
        this.contracts = contracts.stream()
                .map(address -> address.toLowerCase(Locale.ROOT))
                .toList();
        this.producers = producers;
    }

    /** The producers' keys as a sandbox publishes them in its endpoints file. */
    public static Optional<AuditAuthority> producers(Endpoints endpoints) {
        if (endpoints == null || endpoints.consentDecisionPublicKey() == null) {
            return Optional.empty();
        }
        return Optional.of(producers(
                endpoints.consentDecisionPublicKey(),
                endpoints.gatewayAttestationKeys() == null ? Map.of() : endpoints.gatewayAttestationKeys()));
    }

    private static AuditAuthority producers(String consentKey, Map<String, String> gatewayKeys) {
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        gatewayKeys.forEach((id, key) -> decoded.put(id, Base64.getDecoder().decode(key.strip())));
        return new AuditAuthority(Base64.getDecoder().decode(consentKey.strip()), AttestationKeys.of(decoded));
    }

    /** {@code id=base64,id=base64} as {@code --gateway-keys} takes them. */
    private static Map<String, String> keysById(String option) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String pair : option.split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new UsageException(
                        "verify-chain: --gateway-keys takes id=base64[,id=base64], got '" + pair + "'");
            }
            keys.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
        }
        return keys;
    }

    /** Every root the ledger contracts anchored, by root (hex); the first log of a root counts. */
    Map<String, AuditHistoryCheck.AnchoredRoot> anchoredRoots() throws IOException {
        Map<String, AuditHistoryCheck.AnchoredRoot> roots = new HashMap<>();
        long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        for (long from = 0; from <= head; from += BLOCKS_PER_QUERY) {
            EthFilter filter =
                    new EthFilter(block(from), block(Math.min(head, from + BLOCKS_PER_QUERY - 1)), contracts);
            filter.addSingleTopic(AUDIT_ANCHORED);
            EthLog response = web3j.ethGetLogs(filter).send();
            if (response.hasError()) {
                throw new IOException(
                        "eth_getLogs failed: " + response.getError().getMessage());
            }
            for (EthLog.LogResult<?> result : response.getLogs()) {
                Log log = (Log) result.get();
                if (!contracts.contains(log.getAddress().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                RecordLedger.AuditAnchoredEventResponse anchored = RecordLedger.getAuditAnchoredEventFromLog(log);
                roots.putIfAbsent(
                        MerkleTree.hex(anchored.root),
                        new AuditHistoryCheck.AnchoredRoot(
                                anchored.leaves.intValueExact(), log.getAddress(), log.getTransactionHash()));
            }
        }
        return roots;
    }

    /** The report of one export: counts, the sequence numbers covered, every finding, and whether it is intact. */
    public Map<String, Object> check(AccessHistoryExport export) throws IOException {
        Map<String, AuditHistoryCheck.AnchoredRoot> roots = anchoredRoots();
        AuditHistoryCheck.ChainAnchors chain = root -> Optional.ofNullable(roots.get(root.toLowerCase(Locale.ROOT)));
        AuditHistoryCheck.Report report = producers
                .map(keys -> AuditHistoryCheck.check(export, chain, keys))
                .orElseGet(() -> AuditHistoryCheck.check(export, chain));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("patientId", report.patientId());
        summary.put("entries", report.entries());
        summary.put("verified", report.verified());
        summary.put("firstSequence", report.firstSequence());
        summary.put("lastSequence", report.lastSequence());
        summary.put("unanchored", export.unanchored());
        summary.put("rootsOnChain", roots.size());
        summary.put("contracts", contracts);
        summary.put("signaturesChecked", producers.isPresent());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (AuditHistoryCheck.Finding finding : report.findings()) {
            Map<String, Object> named = new LinkedHashMap<>();
            named.put("kind", finding.kind().name().toLowerCase(Locale.ROOT));
            named.put("sequence", finding.sequence());
            if (finding.eventId() != null) {
                named.put("eventId", finding.eventId());
            }
            named.put("reason", finding.reason());
            findings.add(named);
        }
        summary.put("findings", findings);
        summary.put("intact", report.intact());
        return summary;
    }

    /**
     * {@code verify-chain --audit FILE [--rpc URL] [--contracts A,B] [--consent-key B64 --gateway-keys ID=B64,...]}:
     * exit 1 if any entry was changed, dropped, added or (with the keys) not signed by its producer.
     */
    static int run(VerifyChainCli args) throws IOException {
        AccessHistoryExport export = Json.read(Files.readString(args.audit), AccessHistoryExport.class);
        Endpoints sandbox =
                Files.exists(HrmCli.ENDPOINTS) ? Json.read(Files.readString(HrmCli.ENDPOINTS), Endpoints.class) : null;
        String rpc = Optional.ofNullable(args.rpc)
                .orElseGet(() -> required(sandbox, "--rpc").chainRpc());
        List<String> contracts = Optional.of(args.contracts)
                .filter(list -> !list.isEmpty())
                .orElseGet(() -> {
                    Endpoints endpoints = required(sandbox, "--contracts");
                    return List.of(endpoints.patientContract(), endpoints.practitionerContract());
                });
        if (args.consentKey != null && args.gatewayKeys == null) {
            throw new UsageException("verify-chain: --consent-key needs --gateway-keys");
        }
        Optional<AuditAuthority> producers = Optional.ofNullable(args.consentKey)
                .map(consentKey -> Optional.of(producers(consentKey, keysById(args.gatewayKeys))))
                .orElseGet(() -> producers(sandbox));
        if (producers.isEmpty()) {
            System.err.println("[verify-chain] no --consent-key/--gateway-keys and no sandbox: checking inclusion only,"
                    + " not the producers' signatures");
        }
        Web3j web3j = AuditorChainClient.connect(rpc, args.rpcTokenKeyFile);
        try {
            Map<String, Object> report = new AuditVerifier(web3j, contracts, producers).check(export);
            System.out.println(Json.write(report));
            return Boolean.TRUE.equals(report.get("intact")) ? 0 : 1;
        } finally {
            web3j.shutdown();
        }
    }

    private static Endpoints required(Endpoints sandbox, String option) {
        if (sandbox == null) {
            throw new IllegalArgumentException(
                    option + " is required without a running sandbox (" + HrmCli.ENDPOINTS + ")");
        }
        return sandbox;
    }

    private static DefaultBlockParameter block(long number) {
        return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
    }
}
