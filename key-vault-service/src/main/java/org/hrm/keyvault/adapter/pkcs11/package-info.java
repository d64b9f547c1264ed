/**
 * The master key custody on a PKCS#11 token (an HSM, a cloud KMS's PKCS#11 library, or SoftHSM2 in tests) through
 * the JDK's SunPKCS11: keys are non-extractable token objects, and wraps, unwraps and HMACs run inside the token.
 */
package org.hrm.keyvault.adapter.pkcs11;
