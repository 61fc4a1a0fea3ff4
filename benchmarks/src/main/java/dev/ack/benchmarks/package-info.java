/**
 * JMH benchmarks: what the reference implementation costs, measured in the same run as the JDK's own
 * peer, so that the two compare on one machine in one state. Run them with
 * {@code java -jar benchmarks/target/benchmarks.jar}; the build only compiles them.
 */
package dev.ack.benchmarks;
