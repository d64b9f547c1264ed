/**
 * The client side of the platform: the SDK that encrypts and decrypts records, its Kafka publisher, the gateway's
 * client, and the chain node's RPC tokens.
 */
package org.hrm.client;
