package org.hrm.ledgerwriter.domain;

/**
 * What a consent event puts on chain, one log each: a key share under a grant, or a grant's revocation.
 * Its entry id keys the consent index, so each one is written once.
 */
public sealed interface ConsentEntry permits ShareGrant, Revocation {
    String grantId();

    String entryId();
}
