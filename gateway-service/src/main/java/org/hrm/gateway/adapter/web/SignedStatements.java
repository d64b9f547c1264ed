package org.hrm.gateway.adapter.web;

import org.hrm.contracts.EventCodec;
import org.hrm.gateway.application.SignedStatement;

/** A statement the web read (and had attested where the caller signs nothing), encoded as the event that carries it. */
final class SignedStatements {
    private static final EventCodec CODEC = new EventCodec();

    private SignedStatements() {}

    static SignedStatement of(Object event) {
        return new SignedStatement(CODEC.encode(event));
    }
}
