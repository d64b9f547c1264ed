/**
 * Batch listeners for RecordSealed, for ConsentGranted/ConsentRevoked and for KeysDestroyed, which check each event's
 * authority (WriteAuthority) before mapping it to the use cases' types; RecordCommitted, ErasureCommitted and
 * dead-letter publishers, topics and client settings.
 */
package org.hrm.ledgerwriter.adapter.kafka;
