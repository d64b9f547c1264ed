package org.hrm.ledgerwriter.adapter.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed record that cannot be accepted, and why. */
record DeadLetter(ConsumerRecord<String, byte[]> source, String reason) {}
