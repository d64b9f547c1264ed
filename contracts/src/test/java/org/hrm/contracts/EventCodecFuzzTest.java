package org.hrm.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.ErasureCommitted;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.RecordReleaseDenied;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.StandingGrants;

/**
 * Jazzer fuzz test of the event parser: any bytes, read as every event type, decode to an event that survives its
 * own round trip or are refused with {@link InvalidEventException} and a reason; anything else would block a
 * partition. The seed corpus is the frozen fixtures (mapped into place by the pom); {@code ./mvnw verify} replays
 * it, {@code JAZZER_FUZZ=1} fuzzes (docs/reliability.md, Fuzzing).
 */
class EventCodecFuzzTest {
    private static final List<Class<?>> TYPES = List.of(
            RecordSubmitted.class,
            RecordSealed.class,
            RecordCommitted.class,
            PartyRegistered.class,
            ConsentGranted.class,
            ConsentRevoked.class,
            AccessRequested.class,
            AccessDecided.class,
            RecordReleased.class,
            RecordReleaseDenied.class,
            StandingGrants.class,
            AuditEvent.class,
            ErasureRequested.class,
            KeysDestroyed.class,
            ErasureCommitted.class,
            ErasureReceipt.class);

    private final EventCodec codec = new EventCodec();

    @FuzzTest
    void aDecodedEventIsWholeOrRefusedWithAReason(byte[] json) {
        for (Class<?> type : TYPES) {
            Object event;
            try {
                event = codec.decode(json, type);
            } catch (InvalidEventException e) {
                assertThat(e.getMessage()).isNotBlank();
                continue;
            }

            assertThat(codec.decode(codec.encode(event), type)).isInstanceOf(type);
        }
    }
}
