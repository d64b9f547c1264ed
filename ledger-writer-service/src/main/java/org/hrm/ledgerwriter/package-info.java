/**
 * The ledger writer: the only signer of ledger transactions. It packs sealed records into few
 * transactions per domain contract, tracks nonces, waits for confirmation and then publishes
 * RecordCommitted; Kafka offsets are committed only after that.
 */
package org.hrm.ledgerwriter;
