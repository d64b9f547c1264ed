/**
 * Gateway: HTTP API, authentication, patient portal and ops dashboard (built by the gateway issue;
 * until then only its skeleton exists).
 */
package org.hrm.gateway;
