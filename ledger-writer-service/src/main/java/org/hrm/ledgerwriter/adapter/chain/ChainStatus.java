package org.hrm.ledgerwriter.adapter.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.hrm.contracts.events.ServiceHeartbeat.LaneNonce;
import org.hrm.contracts.events.ServiceHeartbeat.LedgerStatus;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.support.LedgerStatusProbe;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/**
 * The chain as the node sees the writer, for the heartbeat: the latest block and, per signing lane, the pending
 * nonce (the next transaction's) and the mined one; their difference is what the node holds but has not mined.
 * Asked of the node rather than the lanes, so it is true even while a batch is stuck.
 */
@Component
class ChainStatus implements LedgerStatusProbe {
    private final Web3j web3j;
    private final List<String> signers;

    ChainStatus(Web3j web3j, LedgerProperties properties) {
        this.web3j = web3j;
        this.signers = List.of(Credentials.create(properties.signingKey()).getAddress());
    }

    @Override
    public LedgerStatus status() {
        long head = value(call(web3j.ethBlockNumber()).getBlockNumber());
        List<LaneNonce> lanes = signers.stream().map(this::lane).toList();
        long pending = lanes.stream()
                .mapToLong(lane -> lane.nextNonce() - lane.minedNonce())
                .sum();
        return new LedgerStatus(head, pending, lanes);
    }

    private LaneNonce lane(String signer) {
        return new LaneNonce(
                signer,
                nonce(signer, DefaultBlockParameterName.PENDING),
                nonce(signer, DefaultBlockParameterName.LATEST));
    }

    private long nonce(String signer, DefaultBlockParameterName block) {
        return value(call(web3j.ethGetTransactionCount(signer, block)).getTransactionCount());
    }

    private <T extends Response<?>> T call(Request<?, T> request) {
        try {
            T response = request.send();
            if (response.hasError()) {
                throw new IllegalStateException(response.getError().getMessage());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long value(BigInteger number) {
        return number.longValueExact();
    }
}
