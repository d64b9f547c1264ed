/**
 * Wiring: properties, the master key ring from a key file or the environment (and its atomic rewrite on
 * retirement), consent-service's public key, the receipt signing key, and the use cases as beans.
 */
package org.hrm.keyvault.config;
