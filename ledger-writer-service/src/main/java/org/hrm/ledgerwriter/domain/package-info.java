/**
 * Pure rules of ledger writing: packing records into transactions under a gas budget, the gas
 * estimate, the record id to bytes16 mapping and commit results. Depends on java.* only.
 */
package org.hrm.ledgerwriter.domain;
