package org.hrm.ledgerwriter.adapter.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.contracts.Domain;
import org.hrm.embedded.AnvilNode;
import org.hrm.embedded.LedgerDeployment;
import org.hrm.ledgerwriter.application.EntryIndex;
import org.hrm.ledgerwriter.application.IndexEntry;
import org.hrm.ledgerwriter.application.Reconciler;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.domain.ChainReceipt;
import org.hrm.ledgerwriter.domain.Commit;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.LedgerRecord;
import org.hrm.ledgerwriter.domain.PackedTransaction;
import org.hrm.ledgerwriter.support.Records;
import org.hrm.ledgerwriter.support.TestLedgerProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * A real node restarted from its state file with the writer's transaction still in its pool: the pool is lost, the
 * chain is kept, and the reconciler's rebroadcast of the stored bytes makes the records land, once.
 */
class ReconcilerIT {
    @TempDir
    Path home;

    private AnvilNode anvil;
    private Web3j web3j;

    @AfterEach
    void stop() {
        web3j.shutdown();
        anvil.close();
    }

    @Test
    void rebroadcastsATransactionTheRestartedNodeLostAndItLandsOnce() {
        AnvilNode.Options options = AnvilNode.Options.defaults()
                .withPort(freePort())
                .withStateFile(home.resolve("state.json"))
                .withBlockTime(3, 1_000_000_000L);
        Map<Domain, String> contracts = start(options);
        Web3jLedgerChain chain = new Web3jLedgerChain(
                web3j, TestLedgerProperties.bind(anvil.rpcUrl(), AnvilNode.WRITER_KEY, contracts, Map.of()));
        SignedTransaction pending = chain.sign(contracts.get(Domain.PATIENT), packed(4));
        StoredTransactions index = new StoredTransactions(pending);
        chain.broadcast(List.of(pending));

        anvil.close();
        anvil = AnvilNode.start(options);
        Optional<ChainReceipt> afterRestart = chain.receipt(pending.hash());
        Reconciler.Outcome outcome = new Reconciler(chain, List.of(index)).reconcile();
        ChainReceipt receipt = chain.awaitConfirmed(List.of(pending.hash())).get(pending.hash());
        Reconciler.Outcome afterLanding = new Reconciler(chain, List.of(index)).reconcile();

        assertThat(afterRestart).as("the restarted node lost its pool").isEmpty();
        assertThat(outcome).isEqualTo(new Reconciler.Outcome(0, 1, 0));
        assertThat(receipt.succeeded()).isTrue();
        assertThat(receipt.commits(contracts.get(Domain.PATIENT), Instant.now()))
                .extracting(Commit::entryId)
                .containsExactlyElementsOf(pending.entryIds());
        assertThat(afterLanding).isEqualTo(new Reconciler.Outcome(1, 0, 0));
    }

    private Map<Domain, String> start(AnvilNode.Options options) {
        anvil = AnvilNode.start(options);
        web3j = Web3j.build(new HttpService(anvil.rpcUrl(), ChainConfiguration.httpClient(8)));
        return LedgerDeployment.deploy(anvil.rpcUrl(), AnvilNode.CHAIN_ID, AnvilNode.ADMIN_KEY, AnvilNode.WRITER_KEY);
    }

    private static PackedTransaction packed(int count) {
        List<LedgerRecord> records = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> Records.ledgerRecord(300))
                .toList();
        return new PackedTransaction(records, new GasModel(10).gasLimit(java.util.Collections.nCopies(count, 300)));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The writer's index as a crash leaves it: one signed transaction stored, not confirmed. */
    private record StoredTransactions(SignedTransaction stored) implements EntryIndex {
        @Override
        public Map<String, IndexEntry> find(Domain domain, Collection<String> entryIds) {
            return Map.of();
        }

        @Override
        public Optional<SignedTransaction> pendingTransaction(Domain domain, String transactionHash) {
            return Optional.of(stored)
                    .filter(t -> domain == Domain.PATIENT && t.hash().equals(transactionHash));
        }

        @Override
        public List<SignedTransaction> pendingTransactions(Domain domain) {
            return domain == Domain.PATIENT ? List.of(stored) : new ArrayList<>();
        }

        @Override
        public void markPending(Domain domain, List<SignedTransaction> transactions) {}

        @Override
        public void markCommitted(Domain domain, List<Commit> commits) {}
    }
}
