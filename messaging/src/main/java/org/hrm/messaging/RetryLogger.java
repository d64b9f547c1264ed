package org.hrm.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

/** Makes each failed attempt at a batch visible in every service's log (spring-kafka logs batch retries at debug only). */
public final class RetryLogger implements RetryListener {
    private static final Logger log = LoggerFactory.getLogger(RetryLogger.class);

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception e, int deliveryAttempt) {
        log.warn(
                "Record {}-{}@{} failed (attempt {}), retrying: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                deliveryAttempt,
                rootCause(e));
    }

    @Override
    public void failedDelivery(ConsumerRecords<?, ?> records, Exception e, int deliveryAttempt) {
        log.warn(
                "Batch of {} records failed (attempt {}), retrying: {}",
                records.count(),
                deliveryAttempt,
                rootCause(e));
        log.debug("Batch failure", e);
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e) : e.getMessage() + ", caused by " + cause;
    }
}
