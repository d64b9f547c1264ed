/**
 * Use cases of the consent service (register parties, index records, grant and revoke, apply erasures, decide
 * access) and the ports they store through; free of Spring, Kafka and MongoDB.
 */
package org.hrm.consent.application;
