package org.hrm.benchmarks.endtoend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.sandbox.SandboxAttester;

/**
 * The bench's parties (one hospital writing for a set of patients) and its records, encrypted by the SDK before a
 * phase starts: the clock runs from submission, and in production the hospitals' CPUs, not the platform's, do the
 * inner layer. Plaintexts are random (incompressible) bytes of the requested size.
 */
final class RecordSupply {
    private static final int OWNERS = 64;

    private final PartyKeys hospital = PartyKeys.generate("bench-hospital");
    private final List<PartyKeys> owners = IntStream.range(0, OWNERS)
            .mapToObj(i -> PartyKeys.generate("bench-patient-" + i))
            .toList();
    private final int recordBytes;

    RecordSupply(int recordBytes) {
        this.recordBytes = recordBytes;
    }

    /** The hospital and every owner, attested as the sandbox's gateway would. */
    List<PartyRegistered> parties(SandboxAttester attester) {
        List<PartyRegistered> parties = new ArrayList<>();
        parties.add(attester.register(hospital, PartyKind.SYSTEM, null, null));
        owners.forEach(owner -> parties.add(attester.register(owner, PartyKind.PATIENT, null, null)));
        return parties;
    }

    PartyKeys owner(String ownerId) {
        return owners.stream()
                .filter(owner -> owner.partyId().equals(ownerId))
                .findFirst()
                .orElseThrow();
    }

    /** {@code count} patient records, encrypted in parallel (each worker with its own encryptor). */
    List<RecordSubmitted> encrypt(int count) {
        return encrypt(count, recordBytes);
    }

    /** {@code count} patient records of {@code bytes} each, encrypted in parallel. */
    List<RecordSubmitted> encrypt(int count, int bytes) {
        return IntStream.range(0, count)
                .parallel()
                .mapToObj(i -> encryptOne(i, bytes, ENCRYPTOR.get()))
                .toList();
    }

    private static final ThreadLocal<RecordEncryptor> ENCRYPTOR = ThreadLocal.withInitial(RecordEncryptor::new);

    private RecordSubmitted encryptOne(int index, int bytes, RecordEncryptor encryptor) {
        PartyKeys owner = owners.get(index % OWNERS);
        byte[] plaintext = new byte[bytes];
        new SplittableRandom(UUID.randomUUID().getLeastSignificantBits()).nextBytes(plaintext);
        return encryptor
                .encrypt(
                        UUID.randomUUID().toString(),
                        Domain.PATIENT,
                        owner.partyId(),
                        hospital,
                        plaintext,
                        Map.of(owner.partyId(), owner.publicKey()))
                .toSubmitted(Instant.now(), "Observation");
    }
}
