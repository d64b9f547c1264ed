/** Configuration properties of the service and the wiring of the use case. */
package org.hrm.ledgerwriter.config;
