/**
 * The vault's rules in plain Java and JDK crypto: the outer layer, the key hierarchy, the versioned master key ring
 * (rotation and retirement), pseudonyms, when a submission may be sealed again, when a consent decision may release
 * a record (consent-service's signature, expiry, single use), how an erasure request becomes a plan of keys to
 * destroy, and the receipt signing key.
 */
package org.hrm.keyvault.domain;
