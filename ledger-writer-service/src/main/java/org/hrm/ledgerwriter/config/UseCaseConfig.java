package org.hrm.ledgerwriter.config;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.application.CommitPublisher;
import org.hrm.ledgerwriter.application.CommitSealedRecords;
import org.hrm.ledgerwriter.application.LedgerChain;
import org.hrm.ledgerwriter.application.LedgerIndex;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.TransactionPacker;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use case to the adapters' ports and the packing rules to their properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class UseCaseConfig {

    @Bean
    GasModel gasModel(LedgerProperties properties) {
        return new GasModel(properties.gasMarginPercent());
    }

    @Bean
    CommitSealedRecords commitSealedRecords(
            LedgerChain chain, LedgerIndex index, CommitPublisher publisher, GasModel gas, LedgerProperties ledger) {
        Map<Domain, String> contracts = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            contracts.put(domain, ledger.contracts().address(domain));
        }
        TransactionPacker packer = new TransactionPacker(gas, ledger.maxRecordsPerTx(), ledger.maxTxGas());
        return new CommitSealedRecords(chain, index, publisher, packer, contracts, Clock.systemUTC());
    }
}
