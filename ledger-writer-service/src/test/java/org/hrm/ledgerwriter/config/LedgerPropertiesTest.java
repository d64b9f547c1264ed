package org.hrm.ledgerwriter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.hrm.contracts.Domain;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class LedgerPropertiesTest {
    private static final String KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    @Test
    void appliesTheDefaultsForEverythingButEndpointKeyAndContracts() {
        LedgerProperties properties = bind(complete());

        assertThat(properties.maxRecordsPerTx()).isEqualTo(200);
        assertThat(properties.maxTxGas()).isEqualTo(15_000_000);
        assertThat(properties.maxInFlight()).isEqualTo(64);
        assertThat(properties.receiptPollInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(properties.confirmations()).isEqualTo(1);
        assertThat(properties.gasPriceWei()).isEqualTo(BigInteger.ZERO);
        assertThat(properties.topicPartitions()).isEqualTo(3);
        assertThat(properties.consumerGroup()).isEqualTo("ledger-writer");
        assertThat(properties.consentConsumerGroup()).isEqualTo("ledger-writer-consent");
        assertThat(properties.chainId()).isNull();
        assertThat(properties.contracts().address(Domain.PATIENT)).isEqualTo("0xabcdef");
    }

    @Test
    void failsFastNamingEachMissingSetting() {
        for (String required : new String[] {
            "hrm.ledger.rpc-url",
            "hrm.ledger.signing-key",
            "hrm.ledger.contracts.patient",
            "hrm.ledger.contracts.practitioner"
        }) {
            Map<String, String> source = complete();
            source.remove(required);

            assertThatThrownBy(() -> bind(source)).rootCause().hasMessageStartingWith(required + " is required");
        }
    }

    @Test
    void refusesAGasBudgetAboveTheTransactionCap() {
        Map<String, String> source = complete();
        source.put("hrm.ledger.max-tx-gas", "30000000");

        assertThatThrownBy(() -> bind(source)).rootCause().hasMessageContaining("16777216");
    }

    @Test
    void neverPrintsTheSigningKey() {
        LedgerProperties properties = bind(complete());

        assertThat(properties.toString()).doesNotContain(KEY.substring(2)).contains("<redacted>");
    }

    private static Map<String, String> complete() {
        Map<String, String> source = new HashMap<>();
        source.put("hrm.ledger.rpc-url", "http://127.0.0.1:8545");
        source.put("hrm.ledger.signing-key", KEY);
        source.put("hrm.ledger.contracts.patient", "0xABCDEF");
        source.put("hrm.ledger.contracts.practitioner", "0x123456");
        return source;
    }

    private static LedgerProperties bind(Map<String, String> source) {
        return new Binder(new MapConfigurationPropertySource(source))
                .bind("hrm.ledger", LedgerProperties.class)
                .get();
    }
}
