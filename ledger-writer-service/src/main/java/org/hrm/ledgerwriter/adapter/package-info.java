/** Adapters to Kafka, MongoDB and the chain; they implement the application's ports and never call each other. */
package org.hrm.ledgerwriter.adapter;
