package org.hrm.ledgerwriter.adapter.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.ledgerwriter.support.TestLedgerProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.TransactionDecoder;

class TransactionHeadTest {
    private static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
    private static final String KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    @ParameterizedTest
    @CsvSource({
        "LEGACY, 0, 0, 21000, 100",
        "LEGACY, 127, 1, 10800000, 393216",
        "LEGACY, 128, 1000000000, 16777216, 10",
        "EIP1559, 0, 0, 21000, 100",
        "EIP1559, 5000, 2000000000, 10800000, 393216",
        "EIP1559, 1, 1, 127, 1"
    })
    void readsTheGasLimitTheSignedBytesCarryAsAFullDecodeDoes(
            String type, long nonce, long gasPrice, long gasLimit, int dataBytes) {
        SignedTransaction signed = signer(type, gasPrice)
                .sign(
                        CONTRACT,
                        new Function("storeChunk", List.of(new DynamicBytes(new byte[dataBytes])), List.of()),
                        gasLimit,
                        List.of("r"),
                        nonce,
                        31337);

        assertThat(TransactionHead.gasLimit(signed.rawHex()))
                .isEqualTo(gasLimit)
                .isEqualTo(
                        TransactionDecoder.decode(signed.rawHex()).getGasLimit().longValueExact());
    }

    @ParameterizedTest
    @CsvSource({"0x01f8", "0x7e"})
    void refusesBytesThatAreNeitherALegacyNorAnEip1559Transaction(String rawHex) {
        assertThatThrownBy(() -> TransactionHead.gasLimit(rawHex)).isInstanceOf(IllegalArgumentException.class);
    }

    private static BatchSigner signer(String type, long gasPrice) {
        LedgerProperties properties = TestLedgerProperties.bind(
                "http://localhost:8545",
                KEY,
                Map.of(Domain.PATIENT, CONTRACT, Domain.PRACTITIONER, CONTRACT),
                Map.of(
                        "hrm.ledger.transaction-type", type,
                        "hrm.ledger.gas-price-wei", String.valueOf(gasPrice),
                        "hrm.ledger.max-priority-fee-wei", String.valueOf(gasPrice / 2)));
        return new BatchSigner(Credentials.create(KEY), properties);
    }
}
