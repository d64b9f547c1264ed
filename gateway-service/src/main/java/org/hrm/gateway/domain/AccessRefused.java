package org.hrm.gateway.domain;

/** The caller may not do what it asked; the message says why, fit for a problem-details body. */
public class AccessRefused extends RuntimeException {
    public AccessRefused(String reason) {
        super(reason);
    }
}
