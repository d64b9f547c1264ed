/**
 * Batch listeners for RecordSealed and for ConsentGranted/ConsentRevoked, RecordCommitted and
 * dead-letter publishers, topics and client settings.
 */
package org.hrm.ledgerwriter.adapter.kafka;
