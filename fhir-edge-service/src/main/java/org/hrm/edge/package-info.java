/**
 * The FHIR R4 edge service a hospital runs inside its own network: it validates each resource offline against the R4
 * base profiles, maps the resource's patient (or practitioner) to a platform owner, encrypts and signs it with the
 * hospital's key and submits it through the client SDK. The servers never see plaintext, so this is the one place
 * where content can be checked.
 */
package org.hrm.edge;
