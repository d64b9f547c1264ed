/** The ops dashboard's figures from Kafka's admin API and the chain's JSON-RPC. */
package org.hrm.gateway.adapter.ops;
