package org.hrm.ledgerwriter.adapter.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.LedgerDeployment;
import org.hrm.ledgerwriter.application.LedgerChain.Rebroadcast;
import org.hrm.ledgerwriter.application.LedgerWriteException;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.ConsentTransaction;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.LedgerRecord;
import org.hrm.ledgerwriter.domain.PackedTransaction;
import org.hrm.ledgerwriter.domain.Revocation;
import org.hrm.ledgerwriter.domain.ShareGrant;
import org.hrm.ledgerwriter.support.Records;
import org.hrm.ledgerwriter.support.TestLedgerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** What a real node answers to the writer's sends and rebroadcasts: the facts exactly-once rests on. */
class Web3jLedgerChainIT {
    private static AnvilNode anvil;
    private static Web3j web3j;
    private static Map<Domain, String> contracts;
    private static Web3jLedgerChain chain;

    @BeforeAll
    static void startChain() {
        anvil = AnvilNode.start(AnvilNode.Options.defaults());
        contracts =
                LedgerDeployment.deploy(anvil.rpcUrl(), AnvilNode.CHAIN_ID, AnvilNode.ADMIN_KEY, AnvilNode.WRITER_KEY);
        web3j = Web3j.build(new HttpService(anvil.rpcUrl(), ChainConfiguration.httpClient(64)));
        chain = newChain();
    }

    @AfterAll
    static void stopChain() {
        web3j.shutdown();
        anvil.close();
    }

    @Test
    void sendsManyTransactionsAtOnceAndReadsEveryRecordStoredLog() {
        List<SignedTransaction> signed =
                List.of(sign(Domain.PATIENT, 50), sign(Domain.PRACTITIONER, 30), sign(Domain.PATIENT, 20));

        chain.broadcast(signed);
        Map<String, ChainReceipt> receipts = chain.awaitConfirmed(
                signed.stream().map(SignedTransaction::hash).toList());

        for (SignedTransaction transaction : signed) {
            ChainReceipt receipt = receipts.get(transaction.hash());
            assertThat(receipt.succeeded()).isTrue();
            assertThat(receipt.commits(transaction.contract(), java.time.Instant.now()))
                    .extracting(commit -> commit.entryId())
                    .containsExactlyElementsOf(transaction.entryIds());
        }
    }

    @Test
    void readsShareGrantedAndGrantRevokedLogsAsConsentEntriesOfTheirContract() {
        String grantId = UUID.randomUUID().toString();
        List<ShareGrant> shares = List.of(
                new ShareGrant(grantId, UUID.randomUUID().toString(), Records.bytes(113)),
                new ShareGrant(grantId, UUID.randomUUID().toString(), Records.bytes(113)));
        GasModel gas = new GasModel(10);
        ConsentTransaction grants = new ConsentTransaction.Grants(shares, gas.gasLimit(2 * gas.shareGas(113), 113));
        ConsentTransaction revoke = new ConsentTransaction.Revocations(
                List.of(new Revocation(grantId)), gas.revokeGasLimit(gas.revocationGas()));
        List<SignedTransaction> signed = List.of(
                chain.signConsents(contracts.get(Domain.PATIENT), grants),
                chain.signConsents(contracts.get(Domain.PATIENT), revoke),
                sign(Domain.PATIENT, 1));

        chain.broadcast(signed);
        Map<String, ChainReceipt> receipts = chain.awaitConfirmed(
                signed.stream().map(SignedTransaction::hash).toList());

        assertThat(signed).extracting(SignedTransaction::nonce).doesNotHaveDuplicates();
        assertThat(receipts.get(signed.get(0).hash()).commits(contracts.get(Domain.PATIENT), Instant.now()))
                .extracting(Commit::entryId)
                .containsExactly(shares.get(0).entryId(), shares.get(1).entryId());
        assertThat(receipts.get(signed.get(1).hash()).commits(contracts.get(Domain.PATIENT), Instant.now()))
                .extracting(Commit::entryId)
                .containsExactly(grantId + ":revoked");
        assertThat(receipts.get(signed.get(0).hash()).commits(contracts.get(Domain.PRACTITIONER), Instant.now()))
                .isEmpty();
    }

    @Test
    void reportsTheNonceOfAMinedTransactionAsConsumedAndKeepsItsReceipt() {
        SignedTransaction signed = sign(Domain.PATIENT, 3);
        chain.broadcast(List.of(signed));
        chain.awaitConfirmed(List.of(signed.hash()));

        Rebroadcast again = chain.rebroadcast(signed);

        assertThat(again).isEqualTo(Rebroadcast.NONCE_CONSUMED);
        assertThat(chain.receipt(signed.hash()))
                .get()
                .satisfies(receipt -> assertThat(receipt.succeeded()).isTrue());
    }

    @Test
    void reportsATransactionWhoseNonceAnotherTookAsOneThatCanNeverLand() {
        SignedTransaction lost = sign(Domain.PATIENT, 2);
        chain.resyncNonce();
        SignedTransaction winner = sign(Domain.PATIENT, 2);
        chain.broadcast(List.of(winner));
        chain.awaitConfirmed(List.of(winner.hash()));

        Rebroadcast rebroadcast = chain.rebroadcast(lost);

        assertThat(winner.nonce()).isEqualTo(lost.nonce());
        assertThat(rebroadcast).isEqualTo(Rebroadcast.NONCE_CONSUMED);
        assertThat(chain.receipt(lost.hash())).isEmpty();
    }

    @Test
    void resyncsTheNonceAfterTheNodeRefusesOne() {
        Web3jLedgerChain stale = newChain();
        SignedTransaction reused = stale.sign(contracts.get(Domain.PATIENT), packed(1));
        Web3jLedgerChain other = newChain();
        SignedTransaction first = other.sign(contracts.get(Domain.PATIENT), packed(1));
        other.broadcast(List.of(first));
        other.awaitConfirmed(List.of(first.hash()));

        assertThatThrownBy(() -> stale.broadcast(List.of(reused)))
                .isInstanceOf(LedgerWriteException.class)
                .hasMessageContaining("nonce");

        SignedTransaction next = stale.sign(contracts.get(Domain.PATIENT), packed(1));
        stale.broadcast(List.of(next));
        assertThat(reused.nonce()).isEqualTo(first.nonce());
        assertThat(next.nonce()).isEqualTo(first.nonce() + 1);
        assertThat(stale.awaitConfirmed(List.of(next.hash())).get(next.hash()).succeeded())
                .isTrue();
    }

    /** Each test may move the account's nonce behind the shared lane's back. */
    @AfterEach
    void resyncSharedLane() {
        chain.resyncNonce();
    }

    private static Web3jLedgerChain newChain() {
        return new Web3jLedgerChain(
                web3j, TestLedgerProperties.bind(anvil.rpcUrl(), AnvilNode.WRITER_KEY, contracts, Map.of()));
    }

    private static SignedTransaction sign(Domain domain, int records) {
        return chain.sign(contracts.get(domain), packed(records));
    }

    private static PackedTransaction packed(int count) {
        List<LedgerRecord> records = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> Records.ledgerRecord(300))
                .toList();
        return new PackedTransaction(records, new GasModel(10).gasLimit(java.util.Collections.nCopies(count, 300)));
    }
}
