/** Tamper-evident audit: RFC 6962 Merkle trees over audit events, exported histories and their check. */
package org.hrm.contracts.audit;
