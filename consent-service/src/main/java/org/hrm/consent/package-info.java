/**
 * The consent service: keeps the party directory (public keys), the owners' grants and revocations, and makes every
 * access decision, signed and audited, in its own MongoDB database.
 */
package org.hrm.consent;
