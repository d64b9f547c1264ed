/**
 * The ledger, consent and erasure indexes in MongoDB: per domain, a collection pair each, written with
 * bulk operations only; and per domain the verified grants' owners and the revocations held for their grant.
 */
package org.hrm.ledgerwriter.adapter.mongo;
