package org.hrm.consent.adapter.kafka;

import org.hrm.consent.application.ConsentDomains;
import org.hrm.consent.domain.Audit;
import org.hrm.consent.domain.Basis;
import org.hrm.consent.domain.Decision;
import org.hrm.consent.domain.SignedDecision;
import org.hrm.consent.domain.StandingGrantList;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.GrantScope;
import org.hrm.contracts.events.StandingGrants;

/** Maps what the service decided and keeps to the contract events it publishes. */
final class OutputMapping {
    private OutputMapping() {}

    static AccessDecided decided(SignedDecision signed) {
        Decision d = signed.decision();
        return new AccessDecided(
                d.requestId(),
                d.recordId(),
                ConsentDomains.toContract(d.domain()),
                d.requesterId(),
                d.allowed(),
                basis(d.basis()),
                d.shareHolderId(),
                d.grantId(),
                d.requesterPublicKey(),
                d.reason(),
                d.decidedAt(),
                d.expiresAt(),
                signed.signature());
    }

    /** Exhaustive, so a new basis fails to compile here. */
    static AccessBasis basis(Basis basis) {
        return switch (basis) {
            case OWNER -> AccessBasis.OWNER;
            case AUTHOR -> AccessBasis.AUTHOR;
            case GRANT -> AccessBasis.GRANT;
            case EMERGENCY -> AccessBasis.EMERGENCY;
            case NONE -> AccessBasis.NONE;
        };
    }

    static AuditEvent audit(Audit audit) {
        return new AuditEvent(
                audit.id(),
                audit.type(),
                audit.subtype(),
                audit.action(),
                audit.recorded(),
                audit.outcome(),
                audit.outcomeDesc(),
                audit.agents().stream()
                        .map(agent -> new AuditEvent.Agent(agent.who(), agent.role(), agent.requestor()))
                        .toList(),
                audit.entities().stream()
                        .map(entity -> new AuditEvent.Entity(entity.what(), entity.kind()))
                        .toList(),
                audit.purposeOfEvent(),
                audit.emergency(),
                ConsentDomains.toContract(audit.domain()),
                audit.patientId());
    }

    static StandingGrants standingGrants(StandingGrantList list) {
        return new StandingGrants(
                list.ownerId(),
                ConsentDomains.toContract(list.domain()),
                list.grantees().stream()
                        .map(grantee -> new StandingGrants.Grantee(
                                grantee.granteeId(),
                                grantee.publicKey(),
                                grantee.grantId(),
                                new GrantScope(
                                        grantee.scope().recordIds(),
                                        grantee.scope().category()),
                                grantee.expiresAt()))
                        .toList(),
                list.updatedAt());
    }
}
