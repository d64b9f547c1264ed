/**
 * The ledger, consent and erasure indexes in MongoDB: per domain, a collection pair each, written with
 * bulk operations only.
 */
package org.hrm.ledgerwriter.adapter.mongo;
