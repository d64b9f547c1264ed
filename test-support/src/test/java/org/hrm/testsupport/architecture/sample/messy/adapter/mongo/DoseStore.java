package org.hrm.testsupport.architecture.sample.messy.adapter.mongo;

import org.hrm.testsupport.architecture.sample.messy.adapter.kafka.Publisher;
import org.springframework.stereotype.Controller;

/** A sample store that calls the Kafka adapter and is a controller: two rules refuse it. */
@Controller
public class DoseStore {
    public void save(Publisher publisher) {
        publisher.publish("saved");
    }
}
