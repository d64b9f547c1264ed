package org.hrm.gateway.adapter.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.gateway.application.AuditEntry;
import org.hrm.gateway.application.GatewayCommands;
import org.hrm.gateway.application.OpsSource;
import org.hrm.gateway.application.SignedStatement;

/**
 * Stands in for Kafka in the API tests: keeps every command the gateway sent, as the event it sent, and lets a test answer access
 * requests the way the vault would (through the gateway's views).
 */
class FakePlatform implements GatewayCommands, OpsSource {
    private final EventCodec codec = new EventCodec();
    final List<Object> sent = new CopyOnWriteArrayList<>();
    volatile Consumer<AccessRequested> vault = request -> {};

    <T> List<T> sent(Class<T> type) {
        return sent.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void submit(SignedStatement record) {
        sent.add(codec.decode(record.event(), RecordSubmitted.class));
    }

    @Override
    public void requestAccess(SignedStatement request) {
        AccessRequested event = codec.decode(request.event(), AccessRequested.class);
        sent.add(event);
        vault.accept(event);
    }

    @Override
    public void grant(SignedStatement grant) {
        sent.add(codec.decode(grant.event(), ConsentGranted.class));
    }

    @Override
    public void revoke(SignedStatement revocation) {
        sent.add(codec.decode(revocation.event(), ConsentRevoked.class));
    }

    @Override
    public void register(SignedStatement registration) {
        sent.add(codec.decode(registration.event(), PartyRegistered.class));
    }

    @Override
    public void rotateKey(SignedStatement rotation) {
        sent.add(codec.decode(rotation.event(), PartyKeyRotated.class));
    }

    @Override
    public void requestErasure(SignedStatement request) {
        sent.add(codec.decode(request.event(), ErasureRequested.class));
    }

    @Override
    public void audit(AuditEntry entry) {
        sent.add(codec.decode(entry.event(), AuditEvent.class));
    }

    @Override
    public Snapshot snapshot() {
        return new Snapshot(
                Map.of("record-submitted", 3L),
                Map.of("committed", 3L),
                Map.of("hrm.dlt.key-vault", 1L),
                Map.of("key-vault-service", 0L),
                new Chain(42L, 0L, null),
                List.of(new ServiceStatus(
                        "ledger-writer",
                        "host-1-a1b2c3",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        900,
                        2.5,
                        0,
                        1,
                        Map.of("oversized event", 1L),
                        new OpsSource.Ledger(42, 0, List.of(new OpsSource.Lane("0xabc", 7, 7))))),
                List.of(new OpsSource.Minute(Instant.parse("2026-01-01T00:00:00Z"), 2.5, 0, 1, 1)),
                List.of(new OpsSource.Attention("HrmDeadLetters", "LEDGER_WRITER/host-1-a1b2c3", "1 dead letters")),
                List.of("fake"));
    }
}
