/**
 * The client SDK behind the edge: encrypt, sign and publish over Kafka; the owner's grantees, a record's status and its
 * release through the gateway; verify what is released.
 */
package org.hrm.edge.adapter.sdk;
