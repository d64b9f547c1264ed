package org.hrm.consent.application;

import java.time.Clock;
import java.time.ZoneOffset;
import org.hrm.consent.adapter.kafka.AccessDecidedBytes;
import org.hrm.consent.domain.AccessRule;
import org.hrm.consent.domain.DecisionSigningKey;
import org.hrm.consent.domain.Fixtures;

/** The use cases wired to in-memory stores, a fixed clock and a fresh signing key. */
final class Scenario {
    final InMemoryStores stores = new InMemoryStores();
    final String signingKeyFile = DecisionSigningKey.generateKeyFileContent();
    final Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    /** Parties straight into the directory: the directory's own rules are PartyRegistrationTest's. */
    final Directory registration = party -> stores.partyStore.replace(party, null, null);

    final RecordIndexing indexing = new RecordIndexing(stores.recordIndex);
    final ConsentChanges changes = new ConsentChanges(stores.partyStore, stores.recordIndex, stores.grantStore, clock);
    final RecordErasures erasures = new RecordErasures(stores.partyStore, stores.recordIndex, stores.grantStore, clock);
    final AccessDecisions decisions = new AccessDecisions(
            stores.partyStore,
            stores.recordIndex,
            stores.grantStore,
            stores.decisionStore,
            new AccessRule(Fixtures.TTL, Fixtures.EMERGENCY_TTL),
            new DecisionSigning(DecisionSigningKey.parse(signingKeyFile, "test"), new AccessDecidedBytes()),
            clock);

    /** Puts a party in the directory as an accepted registration would. */
    interface Directory {
        boolean register(org.hrm.consent.domain.Party party);
    }
}
