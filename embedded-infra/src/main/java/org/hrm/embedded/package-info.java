/**
 * Infrastructure started in-process or as a child process, so tests and the sandbox need no Docker:
 * Kafka (KRaft), a MongoDB-wire-compatible server and an Anvil Ethereum node.
 */
package org.hrm.embedded;
