package org.hrm.keyvault.domain;

/** A reader share as it goes on chain: the reader named only by a keyed pseudonym. */
public record SealedReaderShare(byte[] readerPseudonym, byte[] share) {}
