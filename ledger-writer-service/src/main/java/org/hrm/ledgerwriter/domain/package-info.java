/**
 * Pure rules of ledger writing: packing records, key shares, revocations and tombstones into
 * transactions under a gas budget, the gas estimate, the id to bytes16 mapping, consent entry ids and
 * commit results. Depends on java.* only.
 */
package org.hrm.ledgerwriter.domain;
