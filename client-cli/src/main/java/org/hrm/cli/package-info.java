/**
 * {@code ./hrm}'s command line ({@link org.hrm.cli.HrmCli}, extended by the other modules' {@link
 * org.hrm.cli.HrmCommand}s), a party's commands against a running platform ({@code register}, {@code submit},
 * {@code fetch}, {@code grant}, {@code erase}, ...: {@link org.hrm.cli.Session} and the {@code *Commands} classes,
 * through the client and the gateway's API), and the auditor's {@code verify-chain}: the ledger contracts read from a
 * node alone
 * ({@link org.hrm.cli.ChainVerifier}, {@link org.hrm.cli.ChainRecords}) and an exported access history checked
 * against the audit roots on chain ({@link org.hrm.cli.AuditVerifier}). Nothing here needs a service, the platform or
 * Spring.
 */
package org.hrm.cli;
