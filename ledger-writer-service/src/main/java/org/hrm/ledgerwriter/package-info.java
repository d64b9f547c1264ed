/**
 * The ledger writer: the only signer of ledger transactions. It packs sealed records into few
 * transactions per domain contract, tracks nonces, waits for confirmation and then publishes
 * RecordCommitted; it records grants' key shares and revocations, and writes a tombstone per erased
 * record before publishing ErasureCommitted, the same way, on the same signing lane. Kafka offsets are
 * committed only after confirmation.
 */
package org.hrm.ledgerwriter;
