package org.hrm.ledgerwriter.adapter.chain;

import java.math.BigInteger;
import org.web3j.utils.Numeric;

/**
 * Reads the gas limit of a signed legacy or EIP-1559 transaction from the head of its RLP alone: decoding a whole
 * chunk transaction (about 400 KB) takes milliseconds, and a batch of 1 MiB records has hundreds of them.
 */
final class TransactionHead {
    /** More than a list header and five numeric fields of at most 32 bytes each can take. */
    private static final int HEAD_BYTES = 200;

    private static final int EIP1559 = 0x02;

    private TransactionHead() {}

    static long gasLimit(String rawHex) {
        String hex = Numeric.cleanHexPrefix(rawHex);
        byte[] head = Numeric.hexStringToByteArray(hex.substring(0, Math.min(hex.length(), 2 * HEAD_BYTES)));
        int at = 0;
        // legacy: [nonce, gasPrice, gasLimit, ...]; EIP-1559: 0x02 || [chainId, nonce, maxPriorityFee, maxFee,
        // gasLimit, ...]
        int before = 2;
        if ((head[0] & 0xff) == EIP1559) {
            at = 1;
            before = 4;
        } else if ((head[0] & 0xff) < 0xc0) {
            throw new IllegalArgumentException("not a legacy or EIP-1559 transaction");
        }
        at = listContent(head, at);
        for (int i = 0; i < before; i++) {
            at = stringContent(head, at) + stringLength(head, at);
        }
        int start = stringContent(head, at);
        int length = stringLength(head, at);
        byte[] value = new byte[length];
        System.arraycopy(head, start, value, 0, length);
        return new BigInteger(1, value).longValueExact();
    }

    /** Where the items of the list whose header starts at {@code at} begin. */
    private static int listContent(byte[] rlp, int at) {
        int prefix = rlp[at] & 0xff;
        if (prefix < 0xc0) {
            throw new IllegalArgumentException("no RLP list at " + at);
        }
        return prefix <= 0xf7 ? at + 1 : at + 1 + (prefix - 0xf7);
    }

    /** Where the bytes of the short string (a numeric field) at {@code at} begin. */
    private static int stringContent(byte[] rlp, int at) {
        int prefix = rlp[at] & 0xff;
        return prefix < 0x80 ? at : at + 1;
    }

    private static int stringLength(byte[] rlp, int at) {
        int prefix = rlp[at] & 0xff;
        if (prefix < 0x80) {
            return 1;
        }
        if (prefix > 0xa0) {
            throw new IllegalArgumentException("not a numeric field at " + at);
        }
        return prefix - 0x80;
    }
}
