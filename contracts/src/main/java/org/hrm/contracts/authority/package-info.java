/**
 * Shared verification rules of protocol v2's authority events, pure Java: given what a service knows (its directory
 * entry for a party, the trusted attestation keys), they decide whether an event carries the authority it needs and
 * say why not. Services keep their own stores; these classes only decide.
 */
package org.hrm.contracts.authority;
