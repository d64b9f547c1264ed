/**
 * The vault's rules in plain Java and JDK crypto: the outer layer, the key hierarchy over the master key custody
 * port (a PKCS#11 token, or the sandbox's versioned key ring), versioned pseudonyms, when a submission may be sealed again, when a consent decision may release
 * a record (consent-service's signature, expiry, single use), how an erasure request becomes a plan of keys to
 * destroy, and the receipt signing key.
 */
package org.hrm.keyvault.domain;
