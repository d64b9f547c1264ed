/**
 * The gateway's use cases and the views it builds from the topics (records, grants, parties, erasures, audit,
 * release answers); {@link org.hrm.gateway.application.GatewayCommands} is the port to the platform's topics.
 */
package org.hrm.gateway.application;
