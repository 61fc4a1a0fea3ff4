/**
 * Benchmarks: what the reference implementation costs, measured in the same run as its peers (the
 * JDK's own, Netty's, and the Python and Rust implementations), so that they compare on one machine in
 * one state. {@code benchmarks/run} runs them all in interleaved rounds and prints the table of ratios
 * ({@link dev.ack.benchmarks.Table}); {@code java -jar benchmarks/target/benchmarks.jar} runs the JMH
 * ones alone. The build only compiles them.
 */
package dev.ack.benchmarks;
