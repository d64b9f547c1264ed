package org.hrm.testsupport.architecture.sample.messy.application;

import org.hrm.testsupport.architecture.sample.events.DoseGiven;
import org.springframework.stereotype.Service;

/** A second sample use case that reads a contract event, and knows Spring. */
@Service
public class Billing {
    public int bill(DoseGiven event) {
        return event.milligrams();
    }
}
