package org.hrm.benchmarks.jmh;

import static org.hrm.benchmarks.jmh.Fixtures.OWNER_ID;
import static org.hrm.benchmarks.jmh.Fixtures.RECORD_ID;
import static org.hrm.benchmarks.jmh.Fixtures.require;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.hrm.keyvault.application.KeyFileCustody;
import org.hrm.keyvault.application.MasterKeyStorage;
import org.hrm.keyvault.domain.CiphertextRejectedException;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.hrm.keyvault.domain.OuterLayer;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedOwnerKey;
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
 * The vault's key hierarchy: a fresh K2 ({@link OuterLayer#newRecordKey}, HKDF-SHA256), K2 wrapped and unwrapped
 * under the owner's KEK, and the KEK wrapped and unwrapped under the master key (all AES-256-GCM, JDK). The master
 * key ring is generated in memory for the trial; no key file is read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyHierarchyBenchmark {
    private static final RecordDomain DOMAIN = RecordDomain.PATIENT;

    private final SecureRandom random = new SecureRandom();
    private final OuterLayer outer = new OuterLayer(random);
    KeyHierarchy hierarchy;
    Instant now;
    byte[] kek;
    byte[] k2;
    byte[] wrappedK2;
    WrappedOwnerKey wrappedKek;

    @Setup(Level.Trial)
    public void setup() {
        MasterKeyRing ring = MasterKeyRing.parse(MasterKeyRing.generateKeyFileContent());
        hierarchy = new KeyHierarchy(new KeyFileCustody(ring, new FixedRing(ring), random), random);
        now = Instant.parse("2026-11-25T12:00:00Z");
        kek = hierarchy.newOwnerKey();
        k2 = newRecordKey();
        wrappedK2 = wrapRecordKey();
        wrappedKek = wrapOwnerKey();
        checkRoundTrip();
    }

    /** Both wraps unwrap to the same key, and a K2 does not unwrap for another record; throws if broken. */
    void checkRoundTrip() {
        require(k2.length == 32 && kek.length == 32, "keys are not 32 bytes");
        require(Arrays.equals(k2, unwrapRecordKey()), "K2 does not round trip under the KEK");
        require(Arrays.equals(kek, unwrapOwnerKey()), "the KEK does not round trip under the master key");
        try {
            hierarchy.unwrapRecordKey(kek, DOMAIN, OWNER_ID, "00000000-0000-4000-8000-000000000000", wrappedK2);
            require(false, "K2 unwraps for another record");
        } catch (CiphertextRejectedException expected) {
            // the AAD binds the wrapped K2 to its record
        }
    }

    @Benchmark
    public byte[] newRecordKey() {
        return outer.newRecordKey(RECORD_ID);
    }

    @Benchmark
    public byte[] wrapRecordKey() {
        return hierarchy.wrapRecordKey(kek, DOMAIN, OWNER_ID, RECORD_ID, k2);
    }

    @Benchmark
    public byte[] unwrapRecordKey() {
        return hierarchy.unwrapRecordKey(kek, DOMAIN, OWNER_ID, RECORD_ID, wrappedK2);
    }

    @Benchmark
    public WrappedOwnerKey wrapOwnerKey() {
        return hierarchy.wrapOwnerKey(DOMAIN, OWNER_ID, kek, now);
    }

    @Benchmark
    public byte[] unwrapOwnerKey() {
        return hierarchy.unwrapOwnerKey(DOMAIN, wrappedKek);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Arrays.fill(kek, (byte) 0);
        Arrays.fill(k2, (byte) 0);
    }

    /** The benchmark's keys never change: nothing to reread, nothing to retire. */
    private record FixedRing(MasterKeyRing ring) implements MasterKeyStorage {
        @Override
        public MasterKeyRing read() {
            return ring;
        }

        @Override
        public void removeVersion(int version) {
            throw new UnsupportedOperationException("the benchmark retires no master key");
        }
    }
}
