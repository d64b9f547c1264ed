package org.hrm.ledgerwriter.config;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.Domain;
import org.hrm.contracts.authority.AuditAuthority;
import org.hrm.contracts.authority.DirectoryKeeper;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.authority.DirectoryStore;
import org.hrm.ledgerwriter.adapter.kafka.WriteAuthority;
import org.hrm.ledgerwriter.application.AnchorAudit;
import org.hrm.ledgerwriter.application.AuditAnchorPublisher;
import org.hrm.ledgerwriter.application.AuditIndex;
import org.hrm.ledgerwriter.application.CommitErasures;
import org.hrm.ledgerwriter.application.CommitPublisher;
import org.hrm.ledgerwriter.application.CommitSealedRecords;
import org.hrm.ledgerwriter.application.ConsentIndex;
import org.hrm.ledgerwriter.application.EarlyRevocations;
import org.hrm.ledgerwriter.application.ErasureIndex;
import org.hrm.ledgerwriter.application.ErasurePublisher;
import org.hrm.ledgerwriter.application.ErasuresInFlight;
import org.hrm.ledgerwriter.application.GrantOwners;
import org.hrm.ledgerwriter.application.HeldRevocations;
import org.hrm.ledgerwriter.application.LedgerChain;
import org.hrm.ledgerwriter.application.LedgerIndex;
import org.hrm.ledgerwriter.application.Reconciler;
import org.hrm.ledgerwriter.application.RecordConsents;
import org.hrm.ledgerwriter.application.SigningLane;
import org.hrm.ledgerwriter.domain.ConsentPacker;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.TombstonePacker;
import org.hrm.ledgerwriter.domain.TransactionPacker;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the use cases to the adapters' ports, their shared signing lane and the packing rules to their properties. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LedgerProperties.class, AuthorityProperties.class})
class UseCaseConfiguration {

    @Bean
    GasModel gasModel(LedgerProperties properties) {
        return new GasModel(properties.gasMarginPercent(), properties.layout());
    }

    /** The one lane every use case signs on: one key, one local nonce count, one turn at a time. */
    @Bean
    SigningLane signingLane(LedgerChain chain) {
        return new SigningLane(chain);
    }

    @Bean
    CommitSealedRecords commitSealedRecords(
            SigningLane lane,
            LedgerIndex index,
            ErasureIndex erasures,
            CommitPublisher publisher,
            GasModel gas,
            LedgerProperties ledger) {
        TransactionPacker packer = new TransactionPacker(gas, ledger.maxRecordsPerTx(), ledger.maxTxGas());
        TombstonePacker tombstones = new TombstonePacker(gas, ledger.maxRecordsPerTx(), ledger.maxTxGas());
        return new CommitSealedRecords(
                lane,
                index,
                new ErasuresInFlight(erasures, tombstones),
                publisher,
                packer,
                contracts(ledger),
                Clock.systemUTC());
    }

    @Bean
    RecordConsents recordConsents(SigningLane lane, ConsentIndex index, GasModel gas, LedgerProperties ledger) {
        ConsentPacker packer = new ConsentPacker(gas, ledger.maxRecordsPerTx(), ledger.maxTxGas());
        return new RecordConsents(lane, index, packer, contracts(ledger), Clock.systemUTC());
    }

    @Bean
    CommitErasures commitErasures(
            SigningLane lane, ErasureIndex index, ErasurePublisher publisher, GasModel gas, LedgerProperties ledger) {
        TombstonePacker packer = new TombstonePacker(gas, ledger.maxRecordsPerTx(), ledger.maxTxGas());
        return new CommitErasures(lane, index, publisher, packer, contracts(ledger), Clock.systemUTC());
    }

    /** The verified party directory, fed from the parties topic through the shared directory rules. */
    @Bean
    DirectoryKeeper partyDirectory(DirectoryStore store, AuthorityProperties authority) {
        return new DirectoryKeeper(new DirectoryRules(authority.attesters()), store);
    }

    @Bean
    WriteAuthority writeAuthority(DirectoryKeeper directory, GrantOwners grants, AuthorityProperties authority) {
        return new WriteAuthority(authority.vaultKey(), directory, grants, authority.partyGrace(), Clock.systemUTC());
    }

    /** Revocations read before their grant, held for it up to the revocation grace. */
    @Bean
    EarlyRevocations earlyRevocations(HeldRevocations held, GrantOwners grants, AuthorityProperties authority) {
        return new EarlyRevocations(held, grants, authority.revocationGrace(), Clock.systemUTC());
    }

    /** Whose audit events are anchored: consent-service's decision key on ops.audit, the gateway's on its own. */
    @Bean
    AuditAuthority auditAuthority(AuthorityProperties authority) {
        return new AuditAuthority(authority.consentKey(), authority.attesters());
    }

    @Bean
    AnchorAudit anchorAudit(
            SigningLane lane, AuditIndex index, AuditAnchorPublisher publisher, GasModel gas, LedgerProperties ledger) {
        return new AnchorAudit(
                lane, index, publisher, gas, ledger.maxRecordsPerTx(), contracts(ledger), Clock.systemUTC());
    }

    /** One reconciler over every index: records, consents and tombstones share the signing key and its nonces. */
    @Bean
    Reconciler reconciler(
            LedgerChain chain, LedgerIndex records, ConsentIndex consents, ErasureIndex erasures, AuditIndex audit) {
        return new Reconciler(chain, List.of(records, consents, erasures, audit));
    }

    @Bean
    ReconcileSchedule reconcileSchedule(Reconciler reconciler) {
        return new ReconcileSchedule(reconciler);
    }

    private static Map<Domain, String> contracts(LedgerProperties ledger) {
        Map<Domain, String> contracts = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            contracts.put(domain, ledger.contracts().address(domain));
        }
        return contracts;
    }
}
