/**
 * Kafka side of the vault: the batch listener on every record-submitted topic, the publisher of RecordSealed and
 * dead letters, and their wiring; contract records are mapped to the vault's domain here.
 */
package org.hrm.keyvault.adapter.kafka;
