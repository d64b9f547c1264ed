package org.hrm.benchmarks.jmh;

import static org.hrm.benchmarks.jmh.Fixtures.RECORD_ID;
import static org.hrm.benchmarks.jmh.Fixtures.require;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.keyvault.domain.CiphertextRejectedException;
import org.hrm.keyvault.domain.OuterLayer;
import org.hrm.keyvault.domain.RecordDomain;
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
 * The vault's outer layer: {@link OuterLayer#seal} and {@link OuterLayer#open} of C2 = AES-256-GCM(K2, C1) (JDK,
 * fresh Cipher per call). C1 is a real inner envelope v2 of a {@code payloadBytes} record (payload + 29 bytes: version, nonce, tag).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OuterLayerBenchmark {
    @Param({"1024", "65536"})
    public int payloadBytes;

    private final OuterLayer outer = new OuterLayer(new SecureRandom());
    byte[] k2;
    byte[] c1;
    byte[] c2;

    @Setup(Level.Trial)
    public void setup() {
        PartyKeys owner = PartyKeys.generate(Fixtures.OWNER_ID);
        PartyKeys author = PartyKeys.generate(Fixtures.AUTHOR_ID);
        try {
            c1 = Fixtures.record(owner, author, Fixtures.randomBytes(payloadBytes))
                    .innerCiphertext();
        } finally {
            owner.destroy();
            author.destroy();
        }
        k2 = outer.newRecordKey(RECORD_ID);
        c2 = seal();
        checkRoundTrip();
    }

    /** C2 opens to C1, and not under another record id; throws if broken. */
    void checkRoundTrip() {
        require(c2.length == c1.length + 28, "C2 is not nonce || ciphertext || tag");
        require(Arrays.equals(c1, open()), "C2 does not open to C1");
        try {
            outer.open(k2, "00000000-0000-4000-8000-000000000000", RecordDomain.PATIENT, c2);
            require(false, "C2 opens under another record id");
        } catch (CiphertextRejectedException expected) {
            // the AAD binds C2 to its record
        }
    }

    @Benchmark
    public byte[] seal() {
        return outer.seal(k2, RECORD_ID, RecordDomain.PATIENT, c1);
    }

    @Benchmark
    public byte[] open() {
        return outer.open(k2, RECORD_ID, RecordDomain.PATIENT, c2);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Arrays.fill(k2, (byte) 0);
    }
}
