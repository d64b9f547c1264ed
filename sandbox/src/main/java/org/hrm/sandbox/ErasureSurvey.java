package org.hrm.sandbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.hrm.cli.ChainRecords;
import org.hrm.cli.Endpoints;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.contracts.Domain;
import org.hrm.contracts.ErasableTopics;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.SealedShare;
import org.hrm.embedded.KafkaWalls;
import org.web3j.protocol.Web3j;

/**
 * The erasure completeness check: gathers every byte string that every service's database (every collection of
 * every database on the MongoDB server), every Kafka topic (read from the beginning), the gateway's held releases
 * and the chain hold, and asks {@link ErasureCompleteness} whether any of it opens an erased record with any key.
 *
 * <p>Topics that carry C1 keep a tombstoned copy until the broker compacts it: a copy counts as gone only once the
 * broker no longer returns it. The sandbox closes the active segment so the cleaner may run, as steady traffic does
 * in production within {@link org.hrm.contracts.TopicPolicy#C1_SEGMENT}: it lowers those topics' {@code segment.ms}, then appends one
 * tombstone of a random key per partition (a null value: nothing to any consumer). It then reads again until nothing
 * is found or {@code settle} is over, and reports what is still there.
 */
final class ErasureSurvey {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(3);
    private static final int MAX_EVENT_BYTES = 16 * 1024 * 1024;

    private final Endpoints endpoints;
    private final Web3j web3j;
    private final Supplier<List<RecordReleased>> gatewayReleases;
    private final Consumer<String> say;
    private final EventCodec codec = new EventCodec(MAX_EVENT_BYTES);

    /**
     * @param gatewayReleases the releases the gateway holds, by a direct call in an in-process sandbox; null when the
     *     gateway runs elsewhere (then its cache is reported as not inspected)
     */
    ErasureSurvey(
            Endpoints endpoints, Web3j web3j, Supplier<List<RecordReleased>> gatewayReleases, Consumer<String> say) {
        this.endpoints = endpoints;
        this.web3j = web3j;
        this.gatewayReleases = gatewayReleases;
        this.say = say;
    }

    /** Runs the check until nothing opens an erased record or {@code settle} is over; the last result. */
    Map<String, Object> run(List<ErasureCompleteness.ErasedRecord> erased, List<PartyKeys> keys, Duration settle)
            throws Exception {
        closeErasableSegments();
        ErasureCompleteness check = new ErasureCompleteness(keys);
        long deadline = System.nanoTime() + settle.toNanos();
        ErasureCompleteness.Result result;
        while (true) {
            result = examine(check, erased);
            if (!result.recoverable() || System.nanoTime() > deadline) {
                break;
            }
            say.accept("erasure check: " + result.copies().size() + " copies still there, waiting for compaction");
            Thread.sleep(RETRY.toMillis());
        }
        result.copies()
                .forEach(copy -> say.accept("erased record " + copy.recordId() + " still opens from " + copy.where()));
        say.accept("erasure check: " + result.blobsExamined() + " byte strings from every database, topic, the "
                + (gatewayReleases == null
                        ? "chain (gateway cache not inspected: it runs elsewhere)"
                        : "gateway and the chain")
                + "; " + keys.size() + " keys tried; " + result.copies().size() + " copies open an erased record");
        Map<String, Object> summary = new java.util.LinkedHashMap<>();
        summary.put("erasedCopiesFound", result.copies().size());
        summary.put("erasedRecoverableWithAnyKey", result.recoverable());
        return summary;
    }

    ErasureCompleteness.Result examine(ErasureCompleteness check, List<ErasureCompleteness.ErasedRecord> erased)
            throws Exception {
        List<ErasureCompleteness.Blob> blobs = new ArrayList<>();
        List<ErasureCompleteness.FoundRelease> releases = new ArrayList<>();
        databases(blobs, releases);
        topics(blobs, releases);
        chain(erased, blobs);
        if (gatewayReleases != null) {
            gatewayReleases
                    .get()
                    .forEach(release -> releases.add(new ErasureCompleteness.FoundRelease("gateway cache", release)));
        }
        return check.examine(erased, blobs, releases);
    }

    private void databases(List<ErasureCompleteness.Blob> blobs, List<ErasureCompleteness.FoundRelease> releases) {
        try (MongoClient client = MongoClients.create(endpoints.mongoUri())) {
            for (String name : client.listDatabaseNames()) {
                MongoDatabase database = client.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    String where = "mongo " + name + "." + collection;
                    for (BsonDocument document : database.getCollection(collection, BsonDocument.class)
                            .find()) {
                        bson(where, document, blobs, releases);
                    }
                }
            }
        }
    }

    private void bson(
            String where,
            BsonValue value,
            List<ErasureCompleteness.Blob> blobs,
            List<ErasureCompleteness.FoundRelease> releases) {
        if (value instanceof BsonBinary binary) {
            ErasureCompleteness.collect(where, binary.getData(), blobs, releases, codec);
        } else if (value.isString()) {
            String text = value.asString().getValue();
            ErasureCompleteness.decodeBase64(text)
                    .ifPresent(bytes -> blobs.add(new ErasureCompleteness.Blob(where, bytes)));
            if (text.startsWith("{")) {
                ErasureCompleteness.collect(where, text.getBytes(StandardCharsets.UTF_8), blobs, releases, codec);
            }
        } else if (value.isDocument()) {
            value.asDocument().values().forEach(child -> bson(where, child, blobs, releases));
        } else if (value.isArray()) {
            value.asArray().forEach(child -> bson(where, child, blobs, releases));
        }
    }

    private void topics(List<ErasureCompleteness.Blob> blobs, List<ErasureCompleteness.FoundRelease> releases)
            throws Exception {
        try (Admin admin = admin(SandboxPrincipals.OBSERVER);
                KafkaConsumer<String, byte[]> consumer = consumer()) {
            Collection<String> names = admin.listTopics().names().get();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : names) {
                consumer.partitionsFor(topic)
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            ends.values().removeIf(end -> end == 0);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!ends.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read every topic to its end: " + ends.keySet());
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    String where = "topic " + record.topic() + "-" + record.partition() + "@" + record.offset();
                    ErasureCompleteness.collect(where, record.value(), blobs, releases, codec);
                    for (Header header : record.headers()) {
                        ErasureCompleteness.collect(
                                where + " header " + header.key(), header.value(), blobs, releases, codec);
                    }
                }
                ends.entrySet().removeIf(end -> consumer.position(end.getKey()) >= end.getValue());
            }
        }
    }

    /** The chain's records of the erased ids (C2 and every share) and every grant share, as any full node reads them. */
    private void chain(List<ErasureCompleteness.ErasedRecord> erased, List<ErasureCompleteness.Blob> blobs)
            throws Exception {
        ChainRecords records = new ChainRecords(web3j);
        for (ErasureCompleteness.ErasedRecord record : erased) {
            String contract =
                    record.domain() == Domain.PATIENT ? endpoints.patientContract() : endpoints.practitionerContract();
            Optional<org.hrm.contracts.LedgerPayload> payload = records.stored(contract, record.recordId());
            if (payload.isPresent()) {
                String where = "chain " + contract + " record " + record.recordId();
                blobs.add(new ErasureCompleteness.Blob(where, payload.get().outerCiphertext()));
                for (SealedShare share : payload.get().shares()) {
                    blobs.add(new ErasureCompleteness.Blob(where, share.share()));
                }
            }
        }
        List<byte[]> everything = new ChainScanner(web3j)
                .allChainBytes(List.of(endpoints.patientContract(), endpoints.practitionerContract()));
        for (byte[] bytes : everything) {
            abiBytesFields(bytes).forEach(field -> blobs.add(new ErasureCompleteness.Blob("chain", field)));
        }
    }

    /**
     * Every run that could be an ABI-encoded {@code bytes} value (a 32-byte length word, then that many bytes), at
     * word alignment from the start (log data) or after a 4-byte selector (transaction input): a superset of the
     * dynamic fields, so nothing the contracts were given escapes the check.
     */
    static List<byte[]> abiBytesFields(byte[] data) {
        List<byte[]> fields = new ArrayList<>();
        for (int start : new int[] {0, 4}) {
            for (int at = start; at + 32 <= data.length; at += 32) {
                boolean small = true;
                for (int i = at; i < at + 28; i++) {
                    small &= data[i] == 0;
                }
                int length = ((data[at + 28] & 0xff) << 24)
                        | ((data[at + 29] & 0xff) << 16)
                        | ((data[at + 30] & 0xff) << 8)
                        | (data[at + 31] & 0xff);
                if (small && length > 0 && length <= data.length - at - 32) {
                    fields.add(java.util.Arrays.copyOfRange(data, at + 32, at + 32 + length));
                }
            }
        }
        return fields;
    }

    /**
     * Lets the broker compact the topics that carry C1 now: closes their active segments (where the vault's
     * tombstones are) by lowering {@code segment.ms} and appending one null-valued record per partition.
     */
    private void closeErasableSegments() throws Exception {
        List<String> names = ErasableTopics.TOPICS.stream()
                .flatMap(topic -> topic.allNames().stream())
                .toList();
        // Changing topics' settings and rolling their segments is the sandbox's admin's (no production principal may).
        try (Admin admin = admin(KafkaWalls.ADMIN)) {
            Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
            for (String name : names) {
                changes.put(
                        new ConfigResource(ConfigResource.Type.TOPIC, name),
                        List.of(
                                new AlterConfigOp(new ConfigEntry("segment.ms", "500"), AlterConfigOp.OpType.SET),
                                new AlterConfigOp(
                                        new ConfigEntry("min.cleanable.dirty.ratio", "0.01"),
                                        AlterConfigOp.OpType.SET)));
            }
            admin.incrementalAlterConfigs(changes).all().get();
        }
        Thread.sleep(1_000);
        Properties config = endpoints.kafka(KafkaWalls.ADMIN).config();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (String name : names) {
                producer.partitionsFor(name)
                        .forEach(info -> producer.send(new ProducerRecord<>(
                                name, info.partition(), "segment-roll-" + UUID.randomUUID(), null)));
            }
            producer.flush();
        }
    }

    private Admin admin(String principal) {
        return Admin.create(endpoints.kafka(principal).config());
    }

    /** Reads every topic as the sandbox's observer. */
    private KafkaConsumer<String, byte[]> consumer() {
        Properties config = endpoints.kafka(SandboxPrincipals.OBSERVER).config();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_EVENT_BYTES));
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
