package org.hrm.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hrm.contracts.ledger.RecordLedger;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.utils.Numeric;

class LedgerCalldataTest {
    private final Random random = new Random(17);
    private final List<byte[]> ids = List.of(bytes(16), bytes(16), bytes(16));
    private final List<byte[]> pseudonyms = List.of(bytes(32), bytes(32), bytes(32));
    private final List<byte[]> payloads = List.of(bytes(1000), bytes(0), bytes(33));
    private final byte[] input =
            LedgerCalldata.encode(LedgerCalldata.STORE_BATCH_IN_CALLDATA, ids, pseudonyms, payloads);

    /** The generated wrapper encodes from the ABI solc gives for the contract: the bytes must be the same. */
    @Test
    void encodesExactlyAsTheGeneratedWrapperOfTheContract() {
        RecordLedger ledger = RecordLedger.load(
                "0x0000000000000000000000000000000000000001",
                null,
                Credentials.create("0x01"),
                new StaticGasProvider(BigInteger.ZERO, BigInteger.ONE));

        assertThat(Numeric.toHexString(input))
                .isEqualTo(
                        ledger.storeBatchInCalldata(ids, pseudonyms, payloads).encodeFunctionCall());
        assertThat(Numeric.toHexString(LedgerCalldata.encode(LedgerCalldata.STORE_BATCH, ids, pseudonyms, payloads)))
                .isEqualTo(ledger.storeBatch(ids, pseudonyms, payloads).encodeFunctionCall());
        assertThat(LedgerCalldata.keccak256(payloads.get(0))).isEqualTo(Hash.sha3(payloads.get(0)));
    }

    @Test
    void givesEachPayloadBackAtItsPositionWhenItsDigestMatches() {
        for (int position = 0; position < payloads.size(); position++) {
            byte[] payload = payloads.get(position);
            assertThat(LedgerCalldata.payload(input, position, LedgerCalldata.keccak256(payload)))
                    .isEqualTo(payload);
        }
    }

    @Test
    void refusesAPayloadWhoseBytesDoNotMatchTheDigest() {
        byte[] digest = LedgerCalldata.keccak256(payloads.get(0));
        byte[] tamperedInput = input.clone();
        tamperedInput[indexOf(input, payloads.get(0)) + 10] ^= 1;

        assertThatThrownBy(() -> LedgerCalldata.payload(tamperedInput, 0, digest))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("does not match its logged digest");
        assertThatThrownBy(() -> LedgerCalldata.payload(input, 1, digest))
                .hasMessageContaining("does not match its logged digest");
    }

    @Test
    void refusesAnotherCallAPositionOutOfRangeAndEveryTruncation() {
        byte[] digest = LedgerCalldata.keccak256(payloads.get(2));
        byte[] logged = LedgerCalldata.encode(LedgerCalldata.STORE_BATCH, ids, pseudonyms, payloads);
        assertThatThrownBy(() -> LedgerCalldata.payload(logged, 2, digest))
                .hasMessageContaining("not a storeBatchInCalldata call");
        assertThatThrownBy(() -> LedgerCalldata.payload(input, 3, digest)).hasMessageContaining("no payload at");
        assertThatThrownBy(() -> LedgerCalldata.payload(input, -1, digest)).hasMessageContaining("no payload at");
        int end = indexOf(input, payloads.get(2)) + payloads.get(2).length; // the padding after it is not needed
        for (int length = 0; length < end; length++) {
            byte[] truncated = Arrays.copyOf(input, length);
            assertThatThrownBy(() -> LedgerCalldata.payload(truncated, 2, digest))
                    .isInstanceOf(InvalidEventException.class);
        }
    }

    @Test
    void refusesAnOffsetThatPointsOutsideTheInput() {
        byte[] bent = input.clone();
        bent[4 + 2 * 32 + 28] = 0x7f; // the payloads array's offset, far past the end
        assertThatThrownBy(() -> LedgerCalldata.payload(bent, 0, LedgerCalldata.keccak256(payloads.get(0))))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("larger than the input");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    private byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
