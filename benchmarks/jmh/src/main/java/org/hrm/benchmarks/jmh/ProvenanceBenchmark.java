package org.hrm.benchmarks.jmh;

import static org.hrm.benchmarks.jmh.Fixtures.AUTHOR_ID;
import static org.hrm.benchmarks.jmh.Fixtures.require;

import java.util.concurrent.TimeUnit;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.client.sdk.PartyKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Provenance signatures alone: ECDSA P-256/SHA-256 with deterministic k (BouncyCastle), through
 * {@link ConsentSigner#sign} and {@link ConsentSigner#verify}, which call the same code as the record's provenance
 * ({@code Provenance} is package-private). The message is 391 bytes, the size of the signed bytes of a record with
 * two shares and these party ids (C1 enters them only as its SHA-256, so the record size does not matter here; see
 * {@link InnerLayerBenchmark#verifyProvenance} for the record-level check).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProvenanceBenchmark {
    static final int SIGNED_BYTES = 391;

    PartyKeys author;
    byte[] authorPublicKey;
    byte[] message;
    byte[] signature;

    @Setup(Level.Trial)
    public void setup() {
        author = PartyKeys.generate(AUTHOR_ID);
        authorPublicKey = author.publicKey();
        message = Fixtures.randomBytes(SIGNED_BYTES);
        signature = sign();
        checkRoundTrip();
    }

    /** The signature verifies, and not over another message; throws if broken. */
    void checkRoundTrip() {
        require(signature.length == 64, "signature is not r || s");
        require(verify(), "signature does not verify");
        byte[] other = message.clone();
        other[0] ^= 1;
        require(!ConsentSigner.verify(authorPublicKey, other, signature), "signature verifies over another message");
    }

    @Benchmark
    public byte[] sign() {
        return ConsentSigner.sign(author, message);
    }

    @Benchmark
    public boolean verify() {
        return ConsentSigner.verify(authorPublicKey, message, signature);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        author.destroy();
    }
}
