package org.hrm.benchmarks.jmh;

import static org.hrm.benchmarks.jmh.Fixtures.AUTHOR_ID;
import static org.hrm.benchmarks.jmh.Fixtures.DOMAIN;
import static org.hrm.benchmarks.jmh.Fixtures.OWNER_ID;
import static org.hrm.benchmarks.jmh.Fixtures.RECORD_ID;
import static org.hrm.benchmarks.jmh.Fixtures.require;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordCryptoException;
import org.hrm.client.sdk.RecordDecryptor;
import org.hrm.client.sdk.RecordEncryptor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The client's inner layer, end to end through the public SDK.
 *
 * <ul>
 *   <li>{@code encrypt}: {@link RecordEncryptor#encrypt} with the owner's and the author's share: K1 = HKDF over the
 *       plaintext, AES-256-GCM of C1, two HPKE seals, one ECDSA signature.
 *   <li>{@code decrypt}: {@link RecordDecryptor#decrypt} with the owner's share: one HPKE open, AES-256-GCM open,
 *       the content check (K1 recomputed over the plaintext). No provenance check.
 *   <li>{@code verifyProvenance}: {@link RecordDecryptor#verifyProvenance(EncryptedRecord, byte[])}: SHA-256 of C1,
 *       the author's point decoded, one ECDSA verify.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class InnerLayerBenchmark {
    @Param({"1024", "65536"})
    public int payloadBytes;

    private final RecordEncryptor encryptor = new RecordEncryptor();
    private final RecordDecryptor decryptor = new RecordDecryptor();
    PartyKeys owner;
    PartyKeys author;
    byte[] authorPublicKey;
    Map<String, byte[]> readers;
    byte[] payload;
    EncryptedRecord record;

    @Setup(Level.Trial)
    public void setup() {
        owner = PartyKeys.generate(OWNER_ID);
        author = PartyKeys.generate(AUTHOR_ID);
        authorPublicKey = author.publicKey();
        readers = Map.of(OWNER_ID, owner.publicKey());
        payload = Fixtures.randomBytes(payloadBytes);
        record = encrypt();
        checkRoundTrip();
    }

    /** Both shares open to the plaintext and the provenance verifies; throws if the benchmark is broken. */
    void checkRoundTrip() {
        require(record.shares().size() == 2, "expected the owner's and the author's share");
        require(Arrays.equals(payload, decrypt()), "owner's share does not round trip");
        byte[] byAuthor = decryptor.decrypt(
                RECORD_ID, DOMAIN, OWNER_ID, record.innerCiphertext(), record.shareOf(AUTHOR_ID), author);
        require(Arrays.equals(payload, byAuthor), "author's share does not round trip");
        try {
            verifyProvenance();
        } catch (RecordCryptoException e) {
            throw new IllegalStateException("benchmark setup is broken: provenance does not verify", e);
        }
    }

    @Benchmark
    public EncryptedRecord encrypt() {
        return encryptor.encrypt(RECORD_ID, DOMAIN, OWNER_ID, author, payload, readers);
    }

    @Benchmark
    public byte[] decrypt() {
        return decryptor.decrypt(
                RECORD_ID, DOMAIN, OWNER_ID, record.innerCiphertext(), record.shareOf(OWNER_ID), owner);
    }

    @Benchmark
    public EncryptedRecord verifyProvenance() {
        decryptor.verifyProvenance(record, authorPublicKey);
        return record;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        owner.destroy();
        author.destroy();
    }
}
