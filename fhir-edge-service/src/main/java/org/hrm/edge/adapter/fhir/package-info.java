/** The FHIR R4 REST endpoint: HAPI's plain server, one create/read provider per accepted type, and Bundles. */
package org.hrm.edge.adapter.fhir;
