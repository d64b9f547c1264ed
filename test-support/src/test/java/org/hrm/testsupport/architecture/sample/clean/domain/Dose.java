package org.hrm.testsupport.architecture.sample.clean.domain;

/** A sample domain type. */
public record Dose(String patientId, int milligrams) {}
