/**
 * The vault's rules in plain Java and JDK crypto: the outer layer, the key hierarchy, the master key ring,
 * pseudonyms and when a submission may be sealed again.
 */
package org.hrm.keyvault.domain;
