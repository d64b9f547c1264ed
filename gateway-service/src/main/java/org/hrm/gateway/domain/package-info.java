/** Domain model of the gateway service: plain Java, no Spring, Kafka, Mongo or web3j. */
package org.hrm.gateway.domain;
