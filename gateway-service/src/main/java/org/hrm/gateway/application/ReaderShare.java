package org.hrm.gateway.application;

/** K1 wrapped to one reader's public key at submission; only that reader's private key opens it. */
public record ReaderShare(String readerId, byte[] share) {}
