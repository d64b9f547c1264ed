/**
 * Use cases of the vault (seal a batch of submissions, remove the outer layer, release a record for a signed
 * decision) and the ports they go out through: key stores, single-use marks, the ledger.
 */
package org.hrm.keyvault.application;
