/** Wiring: properties, the decision signing key from a key file or the environment, and the use cases as beans. */
package org.hrm.consent.config;
