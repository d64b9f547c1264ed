/**
 * Consent service: the party directory, grants and access decisions (built by the consent/fetch
 * issue; until then only its skeleton exists).
 */
package org.hrm.consent;
