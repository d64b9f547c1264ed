/**
 * Everything web3j: signing storeBatch, grantBatch, revokeBatch and eraseBatch transactions, local
 * nonces, pipelined sends and receipt polling.
 */
package org.hrm.ledgerwriter.adapter.chain;
