package org.hrm.testsupport.architecture.sample.messy.application;

import org.hrm.testsupport.architecture.sample.events.DoseGiven;
import org.hrm.testsupport.architecture.sample.messy.adapter.kafka.Publisher;

/** A sample use case that reads a contract event and calls an adapter: two rules refuse it. */
public class Charting {
    public void chart(DoseGiven event, Publisher publisher) {
        publisher.publish(event.patientId());
    }
}
