package org.hrm.benchmarks.jmh;

import static org.hrm.benchmarks.jmh.Fixtures.AUTHOR_ID;
import static org.hrm.benchmarks.jmh.Fixtures.DOMAIN;
import static org.hrm.benchmarks.jmh.Fixtures.GRANTEE_ID;
import static org.hrm.benchmarks.jmh.Fixtures.OWNER_ID;
import static org.hrm.benchmarks.jmh.Fixtures.RECORD_ID;
import static org.hrm.benchmarks.jmh.Fixtures.require;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.client.sdk.ConsentSigner.CoveredRecord;
import org.hrm.client.sdk.ConsentSigner.GrantTerms;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordDecryptor;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.KeyShare;
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
 * Key shares alone. The SDK's HPKE wrap and unwrap ({@code KeyShares}) are package-private, so the nearest public
 * APIs are measured:
 *
 * <ul>
 *   <li>{@code openShare}: {@link RecordDecryptor#opens}: exactly one HPKE open (DHKEM P-256, HKDF-SHA256,
 *       AES-256-GCM) of a 113-byte share with the reader's private key.
 *   <li>{@code grantOneRecord}: {@link ConsentSigner#grant} of one record: one HPKE open of the owner's share, one
 *       HPKE seal to the grantee, one ECDSA signature over the grant. The seal alone is derived from this, the open
 *       and {@link ProvenanceBenchmark#sign} in benchmarks/README.md.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class KeyShareBenchmark {
    private final RecordDecryptor decryptor = new RecordDecryptor();
    private final ConsentSigner signer = new ConsentSigner();
    PartyKeys owner;
    PartyKeys author;
    PartyKeys grantee;
    byte[] granteePublicKey;
    byte[] payload;
    EncryptedRecord record;
    byte[] ownerShare;
    List<CoveredRecord> covered;
    GrantTerms terms;
    Instant now;

    @Setup(Level.Trial)
    public void setup() {
        owner = PartyKeys.generate(OWNER_ID);
        author = PartyKeys.generate(AUTHOR_ID);
        grantee = PartyKeys.generate(GRANTEE_ID);
        granteePublicKey = grantee.publicKey();
        payload = Fixtures.randomBytes(1024);
        record = Fixtures.record(owner, author, payload);
        ownerShare = record.shareOf(OWNER_ID).share();
        covered = List.of(new CoveredRecord(RECORD_ID, record.shareOf(OWNER_ID)));
        now = Instant.parse("2026-11-25T12:00:00Z");
        terms = new GrantTerms(
                "8b1f6c2d-4e3a-4f5b-8c7d-9e0f1a2b3c4d",
                DOMAIN,
                GRANTEE_ID,
                GrantScope.records(List.of(RECORD_ID)),
                "treatment",
                now,
                now.plusSeconds(86_400));
        checkRoundTrip();
    }

    /** The owner's share opens, and the grantee's rewrapped share decrypts the record; throws if broken. */
    void checkRoundTrip() {
        require(openShare(), "the owner's share does not open");
        ConsentGranted grant = grantOneRecord();
        require(grant.shares().size() == 1, "expected one grant share");
        byte[] granteeShare = grant.shares().get(0).share();
        require(
                ConsentSigner.verify(owner.publicKey(), grant.signedBytes(), grant.ownerSignature()),
                "grant signature does not verify");
        byte[] plaintext = decryptor.decrypt(
                RECORD_ID, DOMAIN, OWNER_ID, record.innerCiphertext(), new KeyShare(GRANTEE_ID, granteeShare), grantee);
        require(Arrays.equals(payload, plaintext), "the grantee's rewrapped share does not round trip");
    }

    @Benchmark
    public boolean openShare() {
        return decryptor.opens(RECORD_ID, DOMAIN, OWNER_ID, ownerShare, owner);
    }

    @Benchmark
    public ConsentGranted grantOneRecord() {
        return signer.grant(owner, terms, granteePublicKey, covered, now);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        owner.destroy();
        author.destroy();
        grantee.destroy();
    }
}
