/** Batch listener for RecordSealed, RecordCommitted and dead-letter publishers, topics and client settings. */
package org.hrm.ledgerwriter.adapter.kafka;
