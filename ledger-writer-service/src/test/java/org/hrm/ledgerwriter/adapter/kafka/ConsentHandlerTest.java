package org.hrm.ledgerwriter.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.crypto.P256KeyPair;
import org.hrm.ledgerwriter.application.EarlyRevocations;
import org.hrm.ledgerwriter.application.FakeChain;
import org.hrm.ledgerwriter.application.FakeIndex;
import org.hrm.ledgerwriter.application.RecordConsents;
import org.hrm.ledgerwriter.application.SigningLane;
import org.hrm.ledgerwriter.domain.ConsentPacker;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.Revocation;
import org.hrm.ledgerwriter.domain.ShareGrant;
import org.hrm.ledgerwriter.support.Consents;
import org.hrm.ledgerwriter.support.InMemoryHeldRevocations;
import org.hrm.ledgerwriter.support.TestAuthority;
import org.hrm.testsupport.MovingClock;
import org.junit.jupiter.api.Test;

/** The consent path over an in-memory chain: revocations read before their grant, in later or no batches. */
class ConsentHandlerTest {
    private static final Duration GRACE = Duration.ofMinutes(10);

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-06T05:00:00Z"));
    private final TestAuthority.Fixture fixture = TestAuthority.inMemory();
    private final ConsentRecords records = new ConsentRecords(new EventCodec(8 * 1024));
    private final ConsentEventDecoder decoder = new ConsentEventDecoder(new EventCodec(8 * 1024), fixture.authority());
    private final FakeChain chain = new FakeChain();
    private final RecordConsents recordConsents = new RecordConsents(
            new SigningLane(chain),
            new FakeIndex(),
            new ConsentPacker(new GasModel(10), 50, 15_000_000),
            Map.of(Domain.PATIENT, "0xpatient", Domain.PRACTITIONER, "0xpractitioner"),
            clock);
    /** The database: it outlives a handler, as it outlives a run of the writer. */
    private final InMemoryHeldRevocations held = new InMemoryHeldRevocations();

    private final List<DeadLetter> deadLetters = new ArrayList<>();

    @Test
    void writesARevocationReadABatchBeforeItsGrantOnceTheGrantIsVerifiedEvenAfterARestart() {
        ConsentGranted grant = Consents.granted(Domain.PATIENT, 2);
        fixture.registered(grant.ownerId());
        ConsumerRecord<String, byte[]> revoked = records.revoked(Consents.revoked(grant));
        ConsumerRecord<String, byte[]> granted = records.granted(grant);

        handler().handle(List.of(revoked), deadLetters::addAll);

        assertThat(chain.writtenEntryIds()).isEmpty();
        assertThat(deadLetters).isEmpty();
        assertThat(held.all()).singleElement().satisfies(revocation -> {
            assertThat(revocation.grantId()).isEqualTo(grant.grantId());
            assertThat(revocation.event().offset()).isEqualTo(revoked.offset());
        });

        ConsentHandler restarted = handler();
        clock.advance(Duration.ofMinutes(3));
        restarted.handle(List.of(granted), deadLetters::addAll);
        // Both redelivered, e.g. after a crash before the offsets were committed.
        restarted.handle(List.of(revoked, granted), deadLetters::addAll);

        assertThat(chain.writtenEntryIds())
                .containsExactlyInAnyOrder(
                        ShareGrant.entryId(
                                grant.grantId(), grant.shares().get(0).recordId()),
                        ShareGrant.entryId(
                                grant.grantId(), grant.shares().get(1).recordId()),
                        Revocation.entryId(grant.grantId()));
        assertThat(deadLetters).isEmpty();
        assertThat(held.all()).isEmpty();
    }

    @Test
    void releasesAHeldRevocationOfAGrantThatCarriesNoShares() {
        ConsentGranted category = Consents.grantedCategoryWithoutShares(Domain.PRACTITIONER);
        fixture.registered(category.ownerId());
        ConsentHandler handler = handler();

        handler.handle(List.of(records.revoked(Consents.revoked(category))), deadLetters::addAll);
        handler.handle(List.of(records.granted(category)), deadLetters::addAll);

        assertThat(chain.writtenEntryIds()).containsExactly(Revocation.entryId(category.grantId()));
        assertThat(held.all()).isEmpty();
    }

    @Test
    void deadLettersAHeldRevocationWhoseGrantNeverComesOnceItsGraceHasPassedWithoutAnyNewEvent() {
        ConsentGranted neverSent = Consents.granted(Domain.PATIENT, 1);
        fixture.registered(neverSent.ownerId());
        ConsumerRecord<String, byte[]> revoked = records.revoked(Consents.revoked(neverSent));
        ConsentHandler handler = handler();
        handler.handle(List.of(revoked), deadLetters::addAll);

        clock.advance(GRACE.minusSeconds(1));
        handler.handle(List.of(), deadLetters::addAll);
        assertThat(deadLetters).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        handler.handle(List.of(), deadLetters::addAll);

        assertThat(deadLetters).singleElement().satisfies(letter -> {
            assertThat(letter.reason())
                    .isEqualTo("revocation of grant " + neverSent.grantId() + " names a grant this ledger writer has"
                            + " not verified within 10m of first reading the revocation");
            assertThat(letter.source().topic()).isEqualTo(revoked.topic());
            assertThat(letter.source().offset()).isEqualTo(revoked.offset());
            assertThat(letter.source().value()).isEqualTo(revoked.value());
        });
        assertThat(held.all()).isEmpty();
        assertThat(chain.writtenEntryIds()).isEmpty();
    }

    @Test
    void refusesAForgedRevocationAtOnceInsteadOfHoldingIt() {
        ConsentGranted grant = Consents.granted(Domain.PATIENT, 1);
        fixture.registered(grant.ownerId());
        ConsentRevoked forged =
                Consents.revoked(grant.grantId(), Domain.PATIENT, grant.ownerId(), P256KeyPair.generate());
        ConsentHandler handler = handler();

        handler.handle(List.of(records.revoked(forged)), deadLetters::addAll);
        handler.handle(List.of(records.granted(grant)), deadLetters::addAll);

        assertThat(deadLetters)
                .singleElement()
                .satisfies(letter -> assertThat(letter.reason())
                        .isEqualTo("revocation of grant " + grant.grantId() + " is not signed by owner "
                                + grant.ownerId() + "'s current key"));
        assertThat(held.all()).isEmpty();
        assertThat(chain.writtenEntryIds())
                .containsExactly(ShareGrant.entryId(
                        grant.grantId(), grant.shares().get(0).recordId()));
    }

    @Test
    void deadLettersAHeldRevocationWhoseGrantTurnsOutToBeAnotherOwnersAndStillWritesTheGrant() {
        ConsentGranted victims = Consents.granted(Domain.PATIENT, 1);
        String attacker = "owner-" + UUID.randomUUID();
        fixture.registered(victims.ownerId(), attacker);
        ConsentRevoked preempted =
                Consents.revoked(victims.grantId(), Domain.PATIENT, attacker, TestAuthority.owner(attacker));
        ConsentHandler handler = handler();

        handler.handle(List.of(records.revoked(preempted)), deadLetters::addAll);
        handler.handle(List.of(records.granted(victims)), deadLetters::addAll);

        assertThat(deadLetters)
                .singleElement()
                .satisfies(letter -> assertThat(letter.reason()).endsWith("names a grant of another owner"));
        assertThat(held.all()).isEmpty();
        assertThat(chain.writtenEntryIds())
                .containsExactly(ShareGrant.entryId(
                        victims.grantId(), victims.shares().get(0).recordId()));
    }

    @Test
    void forgetsNothingHeldWhenTheDeadLettersCannotBeSent() {
        ConsentGranted grant = Consents.granted(Domain.PATIENT, 1);
        fixture.registered(grant.ownerId());
        ConsentHandler handler = handler();
        handler.handle(List.of(records.revoked(Consents.revoked(grant))), deadLetters::addAll);
        clock.advance(GRACE);

        assertThatThrownBy(() -> handler.handle(List.of(), letters -> {
                    throw new IllegalStateException("broker down");
                }))
                .hasMessage("broker down");

        assertThat(held.all()).hasSize(1);
    }

    private ConsentHandler handler() {
        return new ConsentHandler(decoder, recordConsents, new EarlyRevocations(held, fixture.grants(), GRACE, clock));
    }
}
