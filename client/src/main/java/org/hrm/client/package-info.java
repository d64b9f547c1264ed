/** The client side of the platform: the SDK that encrypts and decrypts records, and its Kafka publisher. */
package org.hrm.client;
