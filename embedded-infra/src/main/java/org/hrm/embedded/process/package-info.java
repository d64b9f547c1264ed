/**
 * Local infrastructure in processes of its own (the in-process kind is in {@link org.hrm.embedded}): a KRaft broker
 * and the MongoDB-wire server each in a child JVM, killed with kill -9 and restarted with their data kept, which
 * {@code ./hrm chaos} needs and an in-process server cannot give.
 */
package org.hrm.embedded.process;
