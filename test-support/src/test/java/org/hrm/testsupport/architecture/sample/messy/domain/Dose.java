package org.hrm.testsupport.architecture.sample.messy.domain;

import org.hrm.testsupport.architecture.sample.messy.application.Charting;

/** A sample domain type that knows a use case: the domain rule refuses it. */
public record Dose(String patientId, int milligrams, Charting chart) {}
