/**
 * Kafka side of the vault: the batch listeners on every record-submitted topic (sealing), access-decided topic
 * (release), erasure-requested topic (erasure) and erasure-committed topic (receipts), the vault-commands listener
 * (rotation), the publishers of RecordSealed, RecordReleased, RecordReleaseDenied, KeysDestroyed, ErasureReceipt,
 * VaultProgress and dead letters, and their wiring; contract records are checked (whose word the vault obeys,
 * VaultAuthority) and mapped to the vault's domain here.
 */
package org.hrm.keyvault.adapter.kafka;
