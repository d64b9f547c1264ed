/** Domain model of the consent service: plain Java, no Spring, Kafka, Mongo or web3j. */
package org.hrm.consent.domain;
