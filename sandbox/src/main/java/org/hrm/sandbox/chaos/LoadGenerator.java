package org.hrm.sandbox.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.embedded.process.Loopback;
import org.hrm.sandbox.R4Resources;
import org.hrm.sandbox.SandboxAttester;

/**
 * Streams records in through the client SDK at a bounded rate, with a grant, an access request and an
 * erasure now and then; fetches and erasures pick records already committed, as a user would. Records, grants and
 * access requests go out as the sandbox's hospital; erasure requests, which only the gateway's principal may write
 * (the portal hands the owner-signed request to the gateway, which publishes it unchanged), go out as the gateway:
 * the chaos platform has no gateway process, so the load generator stands in for it.
 */
final class LoadGenerator {
    /**
     * One patient per 50 records, at least six: a patient holds tens of records, not thousands. With six patients
     * the 200/s run gave each 6,700 records, and every single-record erasure re-wraps all of its owner's other keys.
     */
    private static final int RECORDS_PER_PATIENT = 50;

    private static final int MIN_PATIENTS = 6;

    private final RecordPublisher publisher;
    private final RecordPublisher gateway;
    private final CommitFollower committed;
    private final Workload workload;
    private final Random random;
    private final RecordEncryptor encryptor = new RecordEncryptor();
    private final PartyKeys hospital = PartyKeys.generate("chaos-hospital");
    private final PartyKeys doctor = PartyKeys.generate("chaos-dr-lee");
    private final List<PartyKeys> patients = new ArrayList<>();
    private final List<CompletableFuture<?>> sends = new ArrayList<>();

    LoadGenerator(
            RecordPublisher publisher,
            RecordPublisher gateway,
            CommitFollower committed,
            Workload workload,
            Random random,
            int records) {
        this.publisher = publisher;
        this.gateway = gateway;
        this.committed = committed;
        this.workload = workload;
        this.random = random;
        for (int i = 0; i < Math.max(MIN_PATIENTS, records / RECORDS_PER_PATIENT); i++) {
            patients.add(PartyKeys.generate("chaos-patient-" + i));
        }
    }

    PartyKeys hospital() {
        return hospital;
    }

    List<PartyKeys> patients() {
        return patients;
    }

    /** Every party publishes its public key, attested; the doctor works for the hospital, which vouches for it. */
    void register(SandboxAttester attester, KafkaLogin observer) throws InterruptedException {
        List<PartyRegistered> parties = new ArrayList<>();
        parties.add(attester.register(hospital, PartyKind.SYSTEM, null, null));
        parties.add(attester.register(doctor, PartyKind.PRACTITIONER, hospital.partyId(), hospital));
        patients.forEach(patient -> parties.add(attester.register(patient, PartyKind.PATIENT, null, null)));
        // Published as the sandbox's hospital (the publisher's login); the observer reads when consent has them.
        SandboxAttester.publishInOrder(publisher, observer, parties);
    }

    private PartyKeys keysOf(String partyId) {
        return patients.stream()
                .filter(patient -> patient.partyId().equals(partyId))
                .findFirst()
                .orElse(doctor);
    }

    /** Sends {@code records} records at {@code perSecond}, then waits for the broker's last answers. */
    void run(int records, double perSecond, Consumer<String> progress) {
        long start = System.nanoTime();
        for (int i = 0; i < records; i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Loopback.sleep(Duration.ofNanos(wait));
            }
            submit(i % 10 == 9 ? Domain.PRACTITIONER : Domain.PATIENT);
            sideEffects(i);
            if (i % 100 == 99) {
                progress.accept("sent " + (i + 1) + "/" + records + " records, " + workload.accepted.size()
                        + " acknowledged, " + committed.size() + " committed");
            }
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                .handle((ok, error) -> null)
                .join();
    }

    private void sideEffects(int i) {
        if (i % 20 == 10) {
            requestAccess();
        }
        if (i % 40 == 20) {
            grant();
        }
        if (i % 50 == 25) {
            erase();
        }
    }

    /** A record of a patient (or, for the practitioner domain, the doctor's own record), about 700 bytes. */
    String submit(Domain domain) {
        PartyKeys owner = domain == Domain.PATIENT ? patients.get(random.nextInt(patients.size())) : doctor;
        EncryptedRecord record = encryptor.encrypt(
                UUID.randomUUID().toString(),
                domain,
                owner.partyId(),
                hospital,
                plaintext(domain, owner),
                Map.of(owner.partyId(), owner.publicKey()));
        Workload.Accepted accepted = new Workload.Accepted(record.recordId(), domain, owner.partyId());
        workload.sentAt.put(record.recordId(), System.nanoTime());
        sends.add(publisher
                .publish(record.toSubmitted(Instant.now(), "Observation"))
                .whenComplete((ok, error) -> {
                    if (error == null) {
                        workload.accepted.put(accepted.recordId(), accepted);
                    } else {
                        workload.sendsFailed.incrementAndGet();
                    }
                }));
        return record.recordId();
    }

    /** A heart rate about the owner, padded to about 700 bytes (its builder's output is validated in a unit test). */
    private byte[] plaintext(Domain domain, PartyKeys owner) {
        return R4Resources.json(
                R4Resources.loadObservation(R4Resources.ownerReference(domain, owner.partyId()), random, 700));
    }

    /** The owner asks to read one of their committed records. */
    private void requestAccess() {
        committedRecord().ifPresent(record -> {
            AccessRequested request = new AccessRequested(
                            UUID.randomUUID().toString(),
                            record.recordId(),
                            record.domain(),
                            record.ownerId(),
                            "TREAT",
                            null,
                            Instant.now(),
                            null,
                            null)
                    .signedBy(keysOf(record.ownerId()).keyPair());
            sends.add(publisher
                    .requestAccess(request)
                    .thenRun(() -> workload.accessRequests.put(request.requestId(), record.domain())));
        });
    }

    /** A patient grants the doctor every Observation for a day. */
    private void grant() {
        PartyKeys owner = patients.get(random.nextInt(patients.size()));
        sends.add(publisher
                .grant(ProbeRecords.observationGrant(owner, doctor))
                .thenRun(workload.grants::incrementAndGet));
    }

    /** The owner erases one committed patient record that is not being erased already. */
    private void erase() {
        committedRecord()
                .filter(record -> record.domain() == Domain.PATIENT)
                .filter(record -> workload.erasures.values().stream()
                        .noneMatch(erasure -> erasure.recordId().equals(record.recordId())))
                .ifPresent(record -> {
                    ErasureRequested request = new ErasureRequested(
                                    UUID.randomUUID().toString(),
                                    record.domain(),
                                    record.ownerId(),
                                    record.recordId(),
                                    Instant.now(),
                                    null,
                                    null)
                            .signedBy(keysOf(record.ownerId()).keyPair());
                    sends.add(gateway.requestErasure(request).whenComplete((ok, error) -> {
                        if (error == null) {
                            workload.erasures.put(
                                    request.requestId(),
                                    new Workload.Erasure(request.requestId(), request.domain(), record.recordId()));
                        } else {
                            workload.sendsFailed.incrementAndGet();
                        }
                    }));
                });
    }

    private java.util.Optional<Workload.Accepted> committedRecord() {
        List<String> ids = committed.snapshot();
        if (ids.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(workload.accepted.get(ids.get(random.nextInt(ids.size()))));
    }
}
