package org.hrm.consent.domain;

/** A decision with consent-service's 64-byte r||s signature over its canonical bytes. */
public record SignedDecision(Decision decision, byte[] signature) {}
