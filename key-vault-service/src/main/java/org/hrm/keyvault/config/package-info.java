/**
 * Wiring: properties, the master key ring from a key file or the environment, consent-service's public key, and the
 * use cases as beans.
 */
package org.hrm.keyvault.config;
