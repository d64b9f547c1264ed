/** What the services agree on: domains, the topic catalogue, headers, event records and their JSON codec. */
package org.hrm.contracts;
