/**
 * The vault's rules in plain Java and JDK crypto: the outer layer, the key hierarchy, the master key ring,
 * pseudonyms, when a submission may be sealed again, and when a consent decision may release a record
 * (consent-service's signature, expiry, single use).
 */
package org.hrm.keyvault.domain;
