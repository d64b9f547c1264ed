package org.hrm.ledgerwriter.application;

/**
 * The consent index: per domain, each key share ({@code grantId:recordId}) and revocation
 * ({@code grantId:revoked}) pending in a transaction, or committed.
 */
public interface ConsentIndex extends EntryIndex {}
