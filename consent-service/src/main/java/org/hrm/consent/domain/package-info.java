/**
 * The consent service's rules in plain Java and JDK crypto: the party directory, grants and revocations (only the
 * owner, by signature), erasures (erased records are never released, grants over them end), the access decision,
 * the decision signing key and the audit events.
 */
package org.hrm.consent.domain;
