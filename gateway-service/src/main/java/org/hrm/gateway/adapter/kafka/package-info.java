/** Kafka adapters: the topic reader that feeds the gateway's views, and the publisher of its commands. */
package org.hrm.gateway.adapter.kafka;
