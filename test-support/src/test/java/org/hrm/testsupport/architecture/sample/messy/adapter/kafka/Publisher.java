package org.hrm.testsupport.architecture.sample.messy.adapter.kafka;

/** A sample publisher. */
public class Publisher {
    public void publish(String key) {}
}
