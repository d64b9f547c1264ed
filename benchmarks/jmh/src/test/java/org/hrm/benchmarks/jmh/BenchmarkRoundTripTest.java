package org.hrm.benchmarks.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hrm.contracts.events.KeyShare;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each benchmark's setup must give a valid round trip (its {@code checkRoundTrip} runs in {@code @Setup}), and the
 * check must catch a broken fixture. The benchmarks themselves are never run here.
 */
class BenchmarkRoundTripTest {

    @ParameterizedTest
    @ValueSource(ints = {1024, 65536})
    void innerLayerRoundTrips(int payloadBytes) {
        InnerLayerBenchmark bench = new InnerLayerBenchmark();
        bench.payloadBytes = payloadBytes;
        bench.setup();
        assertEquals(2, bench.encrypt().shares().size());
        assertArrayEquals(bench.payload, bench.decrypt());
        bench.verifyProvenance();

        bench.payload[0] ^= 1;
        assertThrows(IllegalStateException.class, bench::checkRoundTrip);
        bench.tearDown();
    }

    @Test
    void keySharesRoundTrip() {
        KeyShareBenchmark bench = new KeyShareBenchmark();
        bench.setup();
        assertTrue(bench.openShare());
        assertEquals(1, bench.grantOneRecord().shares().size());

        KeyShare authorShare = bench.record.shareOf(Fixtures.AUTHOR_ID);
        bench.ownerShare = authorShare.share();
        assertThrows(IllegalStateException.class, bench::checkRoundTrip);
        bench.tearDown();
    }

    @Test
    void provenanceRoundTrips() {
        ProvenanceBenchmark bench = new ProvenanceBenchmark();
        bench.setup();
        assertEquals(64, bench.sign().length);
        assertTrue(bench.verify());

        bench.signature[5] ^= 1;
        assertThrows(IllegalStateException.class, bench::checkRoundTrip);
        bench.tearDown();
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 65536})
    void outerLayerRoundTrips(int payloadBytes) {
        OuterLayerBenchmark bench = new OuterLayerBenchmark();
        bench.payloadBytes = payloadBytes;
        bench.setup();
        assertEquals(payloadBytes + 29, bench.c1.length);
        assertArrayEquals(bench.c1, bench.open());

        bench.c1[0] ^= 1;
        assertThrows(IllegalStateException.class, bench::checkRoundTrip);
        bench.tearDown();
    }

    @Test
    void keyHierarchyRoundTrips() {
        KeyHierarchyBenchmark bench = new KeyHierarchyBenchmark();
        bench.setup();
        assertArrayEquals(bench.k2, bench.unwrapRecordKey());
        assertArrayEquals(bench.kek, bench.unwrapOwnerKey());
        assertEquals(32, bench.newRecordKey().length);

        bench.k2[0] ^= 1;
        assertThrows(IllegalStateException.class, bench::checkRoundTrip);
        bench.tearDown();
    }

    @Test
    void calldataEncodingsAgree() {
        CalldataEncodingBenchmark bench = new CalldataEncodingBenchmark();
        bench.records = 3;
        bench.setup();
        assertEquals(bench.web3jFunction(), bench.straightIntoBytes());

        bench.ids.set(0, new byte[15]); // not a bytes16: refused, never encoded
        assertThrows(IllegalArgumentException.class, bench::checkRoundTrip);
    }
}
