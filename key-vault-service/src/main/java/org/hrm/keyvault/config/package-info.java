/** Wiring: properties, the master key ring from a key file or the environment, and the use cases as beans. */
package org.hrm.keyvault.config;
