package org.hrm.support;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.support.ProducerListener;

/** Resolves {@link ServiceActivity} on the first send, so templates need not wait for the meter registry. */
final class LazyActivity implements ProducerListener<Object, Object> {
    private final ObjectProvider<ServiceActivity> activity;

    LazyActivity(ObjectProvider<ServiceActivity> activity) {
        this.activity = activity;
    }

    @Override
    public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
        ServiceActivity resolved = activity.getIfAvailable();
        if (resolved != null) {
            resolved.onSuccess(record, metadata);
        }
    }
}
