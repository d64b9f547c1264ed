/**
 * Infrastructure started in-process or as a child process, so tests and the sandbox need no Docker:
 * Kafka (KRaft), a MongoDB-wire-compatible server, an Anvil Ethereum node and a SoftHSM2 token.
 */
package org.hrm.embedded;
