/**
 * Batch listeners for RecordSealed, for ConsentGranted/ConsentRevoked and for KeysDestroyed;
 * RecordCommitted, ErasureCommitted and dead-letter publishers, topics and client settings.
 */
package org.hrm.ledgerwriter.adapter.kafka;
