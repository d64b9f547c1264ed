package org.hrm.testsupport.architecture.sample.clean.adapter.kafka;

import org.hrm.testsupport.architecture.sample.clean.application.Prescribing;
import org.hrm.testsupport.architecture.sample.clean.domain.Dose;
import org.hrm.testsupport.architecture.sample.events.DoseGiven;

/** A sample adapter: it maps the event to the domain type. */
public class DoseListener {
    private final Prescribing prescribing;

    public DoseListener(Prescribing prescribing) {
        this.prescribing = prescribing;
    }

    public void on(DoseGiven event) {
        prescribing.give(new Dose(event.patientId(), event.milligrams()));
    }
}
