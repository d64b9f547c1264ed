/**
 * {@code ./hrm chaos}: the platform with every service and every piece of infrastructure in a process of its own,
 * records streaming in while processes are killed and restarted, then bad input in every consumer; it checks that
 * nothing accepted is lost or written twice.
 */
package org.hrm.sandbox.chaos;
