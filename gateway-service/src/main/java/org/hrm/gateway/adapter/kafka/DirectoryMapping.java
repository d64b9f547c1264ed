package org.hrm.gateway.adapter.kafka;

import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.StandingGrants;
import org.hrm.gateway.application.DirectoryBook;
import org.hrm.gateway.application.OwnerGrants;
import org.hrm.gateway.application.SignedRegistration;
import org.hrm.gateway.application.SignedRotation;

/**
 * The directory's events as the gateway's {@link DirectoryBook} reads them: a signed registration or rotation is
 * handed over with a judgement of the shared directory rules on the event itself (its signatures cover its bytes),
 * and consent-service's standing grants become {@link OwnerGrants}.
 */
public final class DirectoryMapping {
    private DirectoryMapping() {}

    public static SignedRegistration registration(PartyRegistered event) {
        return new SignedRegistration(
                event.partyId(),
                event.institutionId(),
                (rules, current, institution) -> rules.register(event, current, institution));
    }

    public static SignedRotation rotation(PartyKeyRotated event) {
        return new SignedRotation(
                event.partyId(), event.newPublicKey(), (rules, current) -> rules.rotate(event, current));
    }

    public static OwnerGrants grants(StandingGrants event) {
        return new OwnerGrants(
                event.ownerId(),
                event.domain(),
                event.grantees().stream()
                        .map(grantee -> new OwnerGrants.Grantee(
                                grantee.granteeId(),
                                grantee.publicKey(),
                                grantee.grantId(),
                                new OwnerGrants.Scope(
                                        grantee.scope().recordIds(),
                                        grantee.scope().category()),
                                grantee.expiresAt()))
                        .toList(),
                event.updatedAt());
    }
}
