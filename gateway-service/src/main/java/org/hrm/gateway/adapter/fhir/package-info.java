/**
 * The owner's grants and access history as FHIR R4 resources ({@code Consent}, {@code AuditEvent}, searchset
 * {@code Bundle}): pure mapping from the views' contract records to HAPI's R4 model, no Spring and no HTTP.
 */
package org.hrm.gateway.adapter.fhir;
