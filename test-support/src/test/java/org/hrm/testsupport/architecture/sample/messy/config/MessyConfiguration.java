package org.hrm.testsupport.architecture.sample.messy.config;

/** Named like wiring but no @Configuration. */
public class MessyConfiguration {}
