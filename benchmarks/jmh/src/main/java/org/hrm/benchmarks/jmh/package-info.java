/**
 * JMH benchmarks of the crypto hot paths, built into {@code target/benchmarks.jar} and run by hand. Every state's
 * {@code @Setup} checks a full round trip first, so a broken benchmark refuses to measure; the unit tests call the
 * same setups so {@code mvn verify} fails on it too.
 */
package org.hrm.benchmarks.jmh;
