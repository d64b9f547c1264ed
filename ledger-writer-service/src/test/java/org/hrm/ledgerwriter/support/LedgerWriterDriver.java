package org.hrm.ledgerwriter.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.embedded.AnvilNode;
import org.hrm.ledgerwriter.support.LedgerLogs.StoredRecord;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** Drives the running service from outside: publishes RecordSealed, reads its topics and the chain. */
public final class LedgerWriterDriver implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    public static final Duration SETTLE = Duration.ofSeconds(1);

    private final EventCodec codec = new EventCodec();
    private final KafkaProbe probe;
    private final Web3j web3j;

    public LedgerWriterDriver(String bootstrapServers) {
        List<String> topics = new ArrayList<>(Topic.RECORD_COMMITTED.allNames());
        topics.add(Topic.LEDGER_WRITER_DEAD_LETTER.topicName());
        probe = new KafkaProbe(bootstrapServers, topics);
        web3j = Web3j.build(new HttpService(SharedChain.rpcUrl()));
    }

    /** The service's chain settings (the shared Anvil node, its ledgers, the writer's dev key) and whom it trusts. */
    public static void chainProperties(DynamicPropertyRegistry registry) {
        registry.add("hrm.ledger.rpc-url", SharedChain::rpcUrl);
        registry.add("hrm.ledger.chain-id", () -> AnvilNode.CHAIN_ID);
        registry.add("hrm.ledger.signing-key", () -> AnvilNode.WRITER_KEY);
        registry.add(
                "hrm.ledger.contracts.patient", () -> SharedChain.contracts().get(Domain.PATIENT));
        registry.add(
                "hrm.ledger.contracts.practitioner",
                () -> SharedChain.contracts().get(Domain.PRACTITIONER));
        registry.add("hrm.ledger.max-event-bytes", () -> 64 * 1024);
        TestAuthority.properties(registry);
    }

    /** Events of both domains (two patient records for each practitioner one), 1 KiB of C2 each. */
    public static List<RecordSealed> events(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> Records.sealed(i % 3 == 0 ? Domain.PRACTITIONER : Domain.PATIENT, 1_024))
                .toList();
    }

    public void publish(List<RecordSealed> events) {
        events.forEach(event -> probe.send(
                Topic.RECORD_SEALED.name(event.domain()), event.recordId(), codec.encode(event), "RecordSealed"));
        probe.flush();
    }

    public void send(String topic, String key, String json, String type) {
        probe.send(topic, key, json.getBytes(StandardCharsets.UTF_8), type);
        probe.flush();
    }

    public String json(RecordSealed event) {
        return new String(codec.encode(event), StandardCharsets.UTF_8);
    }

    /** Waits for one RecordCommitted per event and checks there is no second one. */
    public Map<String, RecordCommitted> awaitCommits(List<RecordSealed> events) {
        List<RecordCommitted> commits = awaitCommitted(ids(events), events.size(), TIMEOUT);
        Map<String, RecordCommitted> byId =
                commits.stream().collect(Collectors.toMap(RecordCommitted::recordId, Function.identity()));
        assertThat(byId).as("one RecordCommitted per record, no duplicates").hasSize(commits.size());
        return byId;
    }

    /** Every RecordCommitted of these records so far, waiting until {@code expected} arrived. */
    public List<RecordCommitted> awaitCommitted(Set<String> recordIds, int expected, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = probe.await(
                record ->
                        Topic.RECORD_COMMITTED.domainOf(record.topic()).isPresent() && recordIds.contains(record.key()),
                expected,
                timeout,
                SETTLE);
        assertThat(found).hasSize(expected);
        found.forEach(record ->
                assertThat(KafkaProbe.header(record, "hrm-event-type")).isEqualTo("RecordCommitted"));
        return found.stream()
                .map(record -> codec.decode(record.value(), RecordCommitted.class))
                .toList();
    }

    public List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String keyPrefix, int expected, Duration timeout) {
        Predicate<ConsumerRecord<String, byte[]>> matching =
                record -> record.topic().equals(Topic.LEDGER_WRITER_DEAD_LETTER.topicName())
                        && record.key() != null
                        && record.key().startsWith(keyPrefix);
        return probe.await(matching, expected, timeout, SETTLE);
    }

    /** Each event's record is in exactly one record log (RecordStored or RecordInCalldata), of its domain's contract, as committed. */
    public void assertMatchesTheChain(List<RecordSealed> events, Map<String, RecordCommitted> commits) {
        Map<String, List<StoredRecord>> logs =
                allLogs().stream().collect(Collectors.groupingBy(StoredRecord::recordId));
        for (RecordSealed event : events) {
            RecordCommitted commit = commits.get(event.recordId());
            assertThat(logs.get(event.recordId())).as("exactly one record log").hasSize(1);
            StoredRecord log = logs.get(event.recordId()).get(0);
            assertThat(log.contract())
                    .isEqualToIgnoringCase(SharedChain.contracts().get(event.domain()));
            assertThat(commit.domain()).isEqualTo(event.domain());
            assertThat(commit.contractAddress()).isEqualToIgnoringCase(log.contract());
            assertThat(commit.transactionHash()).isEqualTo(log.transactionHash());
            assertThat(commit.blockNumber()).isEqualTo(log.blockNumber());
            assertThat(commit.logIndex()).isEqualTo(log.logIndex());
            assertThat(log.payload()).isEqualTo(LedgerPayload.of(event).encode());
        }
    }

    /** Whole records' logs of both ledgers, read with eth_getLogs. */
    public List<StoredRecord> allLogs() {
        List<StoredRecord> logs = new ArrayList<>();
        SharedChain.contracts().values().forEach(contract -> logs.addAll(LedgerLogs.read(web3j, contract)));
        return logs;
    }

    public static Set<String> ids(List<RecordSealed> events) {
        return events.stream().map(RecordSealed::recordId).collect(Collectors.toCollection(HashSet::new));
    }

    @Override
    public void close() {
        probe.close();
        web3j.shutdown();
    }
}
