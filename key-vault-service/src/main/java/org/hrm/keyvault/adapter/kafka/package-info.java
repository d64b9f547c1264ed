/**
 * Kafka side of the vault: the batch listeners on every record-submitted topic (sealing) and every access-decided
 * topic (release), the publisher of RecordSealed, RecordReleased, RecordReleaseDenied and dead letters, and their
 * wiring; contract records are mapped to the vault's domain here.
 */
package org.hrm.keyvault.adapter.kafka;
