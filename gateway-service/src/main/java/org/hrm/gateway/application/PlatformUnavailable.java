package org.hrm.gateway.application;

/** Kafka did not acknowledge a command in time: the gateway answers 503, the caller retries. */
public class PlatformUnavailable extends RuntimeException {
    public PlatformUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
