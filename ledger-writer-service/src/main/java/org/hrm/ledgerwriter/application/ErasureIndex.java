package org.hrm.ledgerwriter.application;

/**
 * The erasure index: per domain, each erased record's tombstone (id = record id) pending in a
 * transaction, or committed. A record is erased once, whichever requests name it.
 */
public interface ErasureIndex extends EntryIndex {}
