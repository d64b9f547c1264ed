/**
 * Everything web3j: signing storeBatch, grantBatch and revokeBatch transactions, local nonces,
 * pipelined sends and receipt polling.
 */
package org.hrm.ledgerwriter.adapter.chain;
