package org.hrm.gateway.adapter.kafka;

import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.Attestation;
import org.hrm.gateway.application.AccessRequest;
import org.hrm.gateway.application.AccessRequests;
import org.hrm.gateway.application.Attester;
import org.hrm.gateway.application.GatewayCommands;
import org.hrm.gateway.application.SignedStatement;
import org.hrm.gateway.domain.Caller;

/** Access requests as {@link AccessRequested} events, attested for their caller over the event's signed bytes. */
public final class AttestedAccessRequests implements AccessRequests {
    private final GatewayCommands commands;
    private final Attester attester;
    private final EventCodec codec = new EventCodec();

    public AttestedAccessRequests(GatewayCommands commands, Attester attester) {
        this.commands = commands;
        this.attester = attester;
    }

    @Override
    public void send(Caller caller, AccessRequest request) {
        AccessRequested event = new AccessRequested(
                request.requestId(),
                request.recordId(),
                request.domain(),
                request.requesterId(),
                request.purpose(),
                request.emergencyReason(),
                request.requestedAt(),
                null,
                null);
        AccessRequested attested = event.withAttestation(attester.attest(
                caller, event.requesterId(), Attestation.ACCESS, event.signedBytes(), Attestation::issue));
        commands.requestAccess(new SignedStatement(codec.encode(attested)));
    }
}
