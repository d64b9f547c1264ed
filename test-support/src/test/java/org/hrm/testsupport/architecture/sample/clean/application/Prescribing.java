package org.hrm.testsupport.architecture.sample.clean.application;

import java.util.ArrayList;
import java.util.List;
import org.hrm.testsupport.architecture.sample.clean.domain.Dose;

/** A sample use case: it knows the domain type only. */
public class Prescribing {
    private final List<Dose> given = new ArrayList<>();

    public void give(Dose dose) {
        given.add(dose);
    }
}
