/** Spring wiring: properties, security (JWT resource server, the sandbox's development issuer), Kafka, views. */
package org.hrm.gateway.config;
