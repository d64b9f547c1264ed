package org.hrm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordCommitted;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * One platform for the ITs that only add to it and compare counts before and after (store, ops): started once
 * per test JVM, since each start costs about 20 s, and stopped when the JVM exits. Flows that register their own
 * parties (fetch, erasure) keep their own platform.
 */
final class SharedPlatform {
    private static Platform platform;
    private static Web3j web3j;

    private SharedPlatform() {}

    static synchronized Platform get() {
        if (platform == null) {
            try {
                platform = Platform.start(
                        Platform.Options.ephemeral(Files.createTempDirectory("hrm-shared-platform")), step -> {});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            web3j = Web3j.build(new HttpService(platform.chainRpc()));
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPlatform::stop, "shared-platform-stop"));
        }
        return platform;
    }

    /** A JSON-RPC client of the shared platform's chain. */
    static synchronized Web3j web3j() {
        get();
        return web3j;
    }

    /**
     * Registers parties as the gateway attests them, institutions first, and waits until consent-service accepted
     * each: the vault seals only for registered authors and owners.
     */
    static void register(List<PartyRegistered> parties) {
        Platform platform = get();
        try (RecordPublisher publisher = platform.publisher(SandboxPrincipals.HOSPITAL)) {
            SandboxAttester.publishInOrder(publisher, platform.kafka(SandboxPrincipals.OBSERVER), parties);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering parties", e);
        }
    }

    /** Publishes the records as a hospital system would and waits until each is committed; their commits by id. */
    static Map<String, RecordCommitted> submitAndAwait(List<EncryptedRecord> records) {
        Platform platform = get();
        try (EventWatcher watcher = new EventWatcher(platform.kafka(SandboxPrincipals.OBSERVER));
                RecordPublisher publisher = platform.publisher(SandboxPrincipals.HOSPITAL)) {
            records.forEach(record -> publisher.publish(record).join());

            List<String> ids = records.stream().map(EncryptedRecord::recordId).toList();
            assertThat(watcher.awaitCommitted(ids, Duration.ofSeconds(90), line -> {}))
                    .as("all committed")
                    .isTrue();
            return new HashMap<>(watcher.committed());
        }
    }

    private static synchronized void stop() {
        web3j.shutdown();
        platform.close();
    }
}
