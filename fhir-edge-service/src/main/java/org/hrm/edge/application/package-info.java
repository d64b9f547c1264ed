/**
 * The edge's use cases on HAPI's R4 model: validate, map to an owner, submit (one resource, a transaction all or
 * nothing, a batch entry by entry), and track what was submitted.
 */
package org.hrm.edge.application;
