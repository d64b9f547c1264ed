package org.hrm.keyvault.adapter.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.hrm.contracts.Domain;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.events.SealedShare;
import org.hrm.keyvault.LedgerWrites;
import org.hrm.keyvault.TestEvents;
import org.hrm.keyvault.application.StoredRecords;
import org.hrm.keyvault.application.UnreadableLedgerEntryException;
import org.hrm.keyvault.domain.LedgerEntry;
import org.hrm.keyvault.domain.RecordDomain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthTransaction;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.events.Notification;
import org.web3j.utils.Numeric;

/**
 * The vault's chain reader against Anvil: records of both layouts read back alike, the input of a calldata-layout
 * transaction fetched once for all its records, and a node that hands over a tampered or no input leaves the record
 * unreadable, never misread.
 */
class Web3jLedgerReaderIT {
    private static final LedgerWrites CHAIN = LedgerWrites.start();

    @AfterAll
    static void stop() {
        CHAIN.close();
    }

    @Test
    void readsRecordsOfBothLayoutsAndFetchesEachCalldataTransactionOnce() {
        List<String> inCalldata = ids(3);
        List<LedgerPayload> calldataPayloads = payloads(3);
        CHAIN.storeInCalldata(Domain.PATIENT, inCalldata, pseudonyms(3), encoded(calldataPayloads));
        List<String> logged = ids(2);
        List<LedgerPayload> loggedPayloads = payloads(2);
        CHAIN.storeLogged(Domain.PATIENT, logged, pseudonyms(2), encoded(loggedPayloads));
        Node node = new Node(UnaryOperator.identity());
        Web3jLedgerReader reader = reader(node);
        List<String> all = new ArrayList<>(inCalldata);
        all.addAll(logged);

        StoredRecords read = reader.storedRecords(RecordDomain.PATIENT, all);

        assertThat(read.unreadable()).isEmpty();
        assertThat(node.transactionLookups).hasValue(1);
        for (int i = 0; i < 3; i++) {
            assertEntry(read.entries().get(inCalldata.get(i)), calldataPayloads.get(i));
        }
        for (int i = 0; i < 2; i++) {
            assertEntry(read.entries().get(logged.get(i)), loggedPayloads.get(i));
        }
        assertEntry(
                reader.storedRecord(RecordDomain.PATIENT, inCalldata.get(2)).orElseThrow(), calldataPayloads.get(2));
        assertEntry(reader.storedRecord(RecordDomain.PATIENT, logged.get(0)).orElseThrow(), loggedPayloads.get(0));
    }

    @Test
    void aTamperedOrMissingInputLeavesTheRecordUnreadable() {
        List<String> ids = ids(2);
        List<byte[]> payloads = encoded(payloads(2));
        CHAIN.storeInCalldata(Domain.PATIENT, ids, pseudonyms(2), payloads);
        byte[] second = payloads.get(1);
        Web3jLedgerReader tampering = reader(new Node(input -> flipInside(input, second)));
        Web3jLedgerReader forgetting = reader(new Node(input -> null));

        StoredRecords tampered = tampering.storedRecords(RecordDomain.PATIENT, ids);

        assertThat(tampered.unreadable()).containsExactly(ids.get(1));
        assertThat(tampered.entries()).containsOnlyKeys(ids.get(0));
        assertThatThrownBy(() -> tampering.storedRecord(RecordDomain.PATIENT, ids.get(1)))
                .isInstanceOf(UnreadableLedgerEntryException.class)
                .hasMessageContaining("does not match its logged digest");
        assertThat(forgetting.storedRecords(RecordDomain.PATIENT, ids).unreadable())
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThatThrownBy(() -> forgetting.storedRecord(RecordDomain.PATIENT, ids.get(0)))
                .isInstanceOf(UnreadableLedgerEntryException.class)
                .hasMessageContaining("no input");
    }

    private static Web3jLedgerReader reader(Node node) {
        return new Web3jLedgerReader(
                Web3j.build(node),
                Map.of(
                        RecordDomain.PATIENT, CHAIN.contract(Domain.PATIENT),
                        RecordDomain.PRACTITIONER, CHAIN.contract(Domain.PRACTITIONER)));
    }

    private static void assertEntry(LedgerEntry entry, LedgerPayload payload) {
        assertThat(entry.outerCiphertext()).isEqualTo(payload.outerCiphertext());
        assertThat(entry.shares()).hasSize(1);
        assertThat(entry.shares().get(0).share())
                .isEqualTo(payload.shares().get(0).share());
    }

    /** The input with one bit of {@code payload} flipped where it sits in it. */
    private static String flipInside(String input, byte[] payload) {
        String hex = Numeric.toHexStringNoPrefix(payload);
        int at = input.indexOf(hex);
        assertThat(at).isPositive();
        char flipped = input.charAt(at + 20) == '0' ? '1' : '0';
        return input.substring(0, at + 20) + flipped + input.substring(at + 21);
    }

    private static List<String> ids(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
    }

    private static List<byte[]> pseudonyms(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> TestEvents.randomBytes(32))
                .toList();
    }

    private static List<LedgerPayload> payloads(int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new LedgerPayload(
                        TestEvents.randomBytes(1_024 + i),
                        List.of(new SealedShare(TestEvents.randomBytes(32), TestEvents.randomBytes(113))),
                        TestEvents.randomBytes(64)))
                .toList();
    }

    private static List<byte[]> encoded(List<LedgerPayload> payloads) {
        return payloads.stream().map(LedgerPayload::encode).toList();
    }

    /** The Anvil node, its answers to eth_getTransactionByHash counted and their input rewritten. */
    private static final class Node implements Web3jService {
        private final HttpService http = new HttpService(CHAIN.rpcUrl());
        private final UnaryOperator<String> input;
        private final AtomicInteger transactionLookups = new AtomicInteger();

        Node(UnaryOperator<String> input) {
            this.input = input;
        }

        @Override
        public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
            T response = http.send(request, responseType);
            if (response instanceof EthTransaction transaction) {
                transactionLookups.incrementAndGet();
                transaction.getTransaction().ifPresent(found -> found.setInput(input.apply(found.getInput())));
            }
            return response;
        }

        @Override
        public <T extends Response> CompletableFuture<T> sendAsync(Request request, Class<T> responseType) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return send(request, responseType);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }

        @Override
        public BatchResponse sendBatch(BatchRequest batch) throws IOException {
            return http.sendBatch(batch);
        }

        @Override
        public CompletableFuture<BatchResponse> sendBatchAsync(BatchRequest batch) {
            return http.sendBatchAsync(batch);
        }

        @Override
        public <T extends Notification<?>> io.reactivex.Flowable<T> subscribe(
                Request request, String unsubscribeMethod, Class<T> responseType) {
            return http.subscribe(request, unsubscribeMethod, responseType);
        }

        @Override
        public void close() throws IOException {
            http.close();
        }
    }
}
