/** Adapters to the outside (Kafka, MongoDB); each depends on the application layer, never on another adapter. */
package org.hrm.consent.adapter;
