/** The client SDK behind the edge: encrypt, sign and publish; follow a record's status; fetch and verify it. */
package org.hrm.edge.adapter.sdk;
