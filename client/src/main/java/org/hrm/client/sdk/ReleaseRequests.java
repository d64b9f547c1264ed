package org.hrm.client.sdk;

import java.time.Duration;

/** Port: asks for a record's release as the caller's party and waits for the platform's answer. */
@FunctionalInterface
public interface ReleaseRequests {
    /**
     * @param purpose why (TREAT, ...)
     * @param emergencyReason set for break-glass access, else null
     * @throws IllegalStateException if no answer came within {@code timeout}
     */
    ReleaseAnswer fetch(String recordId, String purpose, String emergencyReason, Duration timeout);
}
