/**
 * {@code ./hrm chaos}: the platform with every service and every piece of infrastructure in a process of its own,
 * records streaming in while processes are killed and restarted, then bad input in every consumer and forgeries of
 * every authority event; it checks that nothing accepted is lost or written twice and that every forgery is refused.
 * The broker process runs inside the Kafka walls (decision record 0041): services log in as their own principals, the
 * load as the sandbox's hospital, audits as the observer, and bad inputs and forgeries with the stolen login of their
 * topic's rightful writer ({@link org.hrm.sandbox.chaos.StolenLogins}), so what refuses them is the consumer's check.
 */
package org.hrm.sandbox.chaos;
