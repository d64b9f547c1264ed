/** The edge's own JSON endpoints beside FHIR: the status of what it submitted. */
package org.hrm.edge.adapter.web;
