/**
 * {@code ./hrm}'s command line ({@link org.hrm.cli.HrmCli}, extended by the other modules' {@link
 * org.hrm.cli.HrmCommand}s) and the auditor's {@code verify-chain}: the ledger contracts read from a node alone
 * ({@link org.hrm.cli.ChainVerifier}, {@link org.hrm.cli.ChainRecords}) and an exported access history checked
 * against the audit roots on chain ({@link org.hrm.cli.AuditVerifier}). Nothing here needs a service, the platform or
 * Spring.
 */
package org.hrm.cli;
