/**
 * Use cases of the vault (seal a batch of submissions, remove the outer layer, release a record for a signed
 * decision, erase by destroying keys, issue signed erasure receipts, rotate and retire master key versions) and
 * the ports they go out through: key stores, erasures and erased-record markers, single-use marks, the ledger, the
 * master key file.
 */
package org.hrm.keyvault.application;
