package org.hrm.sandbox;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Reads the chain as any full node would: every transaction's input and every log of the given
 * contracts, so a story can check that none of them contains secret bytes.
 */
public final class ChainScanner {
    private final Web3j web3j;

    public ChainScanner(Web3j web3j) {
        this.web3j = web3j;
    }

    /** Every transaction input and every log (data and topics) of the contracts, as raw bytes. */
    public List<byte[]> allChainBytes(List<String> contracts) throws IOException {
        List<byte[]> chunks = new ArrayList<>();
        long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
        for (long number = 0; number <= head; number++) {
            EthBlock.Block block = web3j.ethGetBlockByNumber(
                            DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), true)
                    .send()
                    .getBlock();
            for (EthBlock.TransactionResult<?> result : block.getTransactions()) {
                chunks.add(Numeric.hexStringToByteArray(((EthBlock.TransactionObject) result).getInput()));
            }
        }
        for (Log log : logs(contracts)) {
            chunks.add(Numeric.hexStringToByteArray(log.getData()));
            log.getTopics().forEach(topic -> chunks.add(Numeric.hexStringToByteArray(topic)));
        }
        return chunks;
    }

    /** All logs the contracts emitted, oldest first. */
    public List<Log> logs(List<String> contracts) throws IOException {
        EthFilter filter =
                new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contracts);
        EthLog response = web3j.ethGetLogs(filter).send();
        if (response.hasError()) {
            throw new IOException("eth_getLogs failed: " + response.getError().getMessage());
        }
        return response.getLogs().stream().map(result -> (Log) result.get()).toList();
    }

    /** True if any needle occurs anywhere in any chunk. */
    public static boolean containsAny(List<byte[]> haystack, List<byte[]> needles) {
        return needles.stream().anyMatch(needle -> haystack.stream().anyMatch(chunk -> indexOf(chunk, needle) >= 0));
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
