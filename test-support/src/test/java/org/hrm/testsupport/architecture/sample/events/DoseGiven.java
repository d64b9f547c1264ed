package org.hrm.testsupport.architecture.sample.events;

/** Stands for a contract event record in the rules' tests. */
public record DoseGiven(String patientId, int milligrams) {}
