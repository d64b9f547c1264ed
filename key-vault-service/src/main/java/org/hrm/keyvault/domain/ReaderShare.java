package org.hrm.keyvault.domain;

/** K1 wrapped by the client to one reader; opaque to the vault. */
public record ReaderShare(String readerId, byte[] share) {}
