/** The ledger index in MongoDB: one collection pair per domain, written with bulk operations only. */
package org.hrm.ledgerwriter.adapter.mongo;
