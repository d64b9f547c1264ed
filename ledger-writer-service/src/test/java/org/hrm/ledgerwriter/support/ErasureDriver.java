package org.hrm.ledgerwriter.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ErasureCommitted;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.ledgerwriter.support.ErasureLogs.ErasedLog;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Drives the running service's erasure path from outside: publishes KeysDestroyed the way the key vault
 * does, reads ErasureCommitted, the dead-letter topic and the RecordErased logs on chain.
 */
public final class ErasureDriver implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final EventCodec codec = new EventCodec();
    private final KafkaProbe probe;
    private final Web3j web3j;

    public ErasureDriver(String bootstrapServers) {
        List<String> topics = new ArrayList<>(Topic.ERASURE_COMMITTED.allNames());
        topics.add(Topic.LEDGER_WRITER_DEAD_LETTER.topicName());
        probe = new KafkaProbe(bootstrapServers, topics);
        web3j = Web3j.build(new HttpService(SharedChain.rpcUrl()));
    }

    public void publish(KeysDestroyed... events) {
        for (KeysDestroyed event : events) {
            probe.send(
                    Topic.KEYS_DESTROYED.name(event.domain()), event.ownerId(), codec.encode(event), "KeysDestroyed");
        }
        probe.flush();
    }

    public void send(String topic, String key, String json, String type) {
        probe.send(topic, key, json.getBytes(StandardCharsets.UTF_8), type);
        probe.flush();
    }

    public String json(KeysDestroyed event) {
        return new String(codec.encode(event), StandardCharsets.UTF_8);
    }

    /** The one ErasureCommitted of the request, on its domain's topic under its owner, checking there is no second. */
    public ErasureCommitted awaitCommitted(KeysDestroyed request) {
        return awaitCommitted(request, 1).get(0);
    }

    /** Every ErasureCommitted of the request so far, waiting until {@code expected} arrived. */
    public List<ErasureCommitted> awaitCommitted(KeysDestroyed request, int expected) {
        List<ConsumerRecord<String, byte[]>> found = probe.await(
                record -> Topic.ERASURE_COMMITTED.domainOf(record.topic()).isPresent()
                        && requestId(record).equals(request.requestId()),
                expected,
                TIMEOUT,
                LedgerWriterDriver.SETTLE);
        assertThat(found).as("ErasureCommitted of " + request.requestId()).hasSize(expected);
        for (ConsumerRecord<String, byte[]> record : found) {
            assertThat(record.topic()).isEqualTo(Topic.ERASURE_COMMITTED.name(request.domain()));
            assertThat(record.key()).isEqualTo(request.ownerId());
            assertThat(KafkaProbe.header(record, EventHeaders.EVENT_TYPE)).isEqualTo("ErasureCommitted");
        }
        return found.stream()
                .map(record -> codec.decode(record.value(), ErasureCommitted.class))
                .toList();
    }

    public List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String keyPrefix, int expected) {
        return probe.await(
                record -> record.topic().equals(Topic.LEDGER_WRITER_DEAD_LETTER.topicName())
                        && record.key() != null
                        && record.key().startsWith(keyPrefix),
                expected,
                TIMEOUT,
                LedgerWriterDriver.SETTLE);
    }

    /** RecordErased logs of the record in the domain's ledger contract. */
    public List<ErasedLog> tombstones(Domain ledger, String recordId) {
        return ErasureLogs.read(web3j, SharedChain.contracts().get(ledger), recordId);
    }

    private String requestId(ConsumerRecord<String, byte[]> record) {
        return codec.decode(record.value(), ErasureCommitted.class).requestId();
    }

    @Override
    public void close() {
        probe.close();
        web3j.shutdown();
    }
}
