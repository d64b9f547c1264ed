/** Publishes encrypted records to their domain's record-submitted topic. */
package org.hrm.client.kafka;
