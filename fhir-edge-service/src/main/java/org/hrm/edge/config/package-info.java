/** Wiring: the edge's settings, the SDK adapters, the use cases and HAPI's servlet at {@code /fhir}. */
package org.hrm.edge.config;
