/**
 * Chain side of the vault (read only): eth_getLogs on each domain's ledger contract for the release path, behind
 * the application's {@code LedgerReader} port.
 */
package org.hrm.keyvault.adapter.chain;
