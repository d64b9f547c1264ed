/**
 * Gateway: HTTP API (adapter.web), authentication (config), patient portal and ops dashboard (static pages), views
 * built from the topics (application, adapter.kafka).
 */
package org.hrm.gateway;
