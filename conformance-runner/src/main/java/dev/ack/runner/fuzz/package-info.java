/**
 * {@code kit fuzz}: generative differential checking. Random valid programs of an area, made from a seed,
 * run on the implementation and on the reference; a divergence the spec does not allow is shrunk to a
 * minimal program and written as a scenario of the area's features.
 * <p>
 * One class per area ({@link dev.ack.runner.fuzz.EventQueueFuzz}, {@link dev.ack.runner.fuzz.FiberFuzz},
 * {@link dev.ack.runner.fuzz.CoroutineFuzz}, {@link dev.ack.runner.fuzz.WakerFuzz}), each with its cases'
 * generator, and where the timing or the spec leaves an order free, the rules that say what is fixed
 * ({@link dev.ack.runner.fuzz.EventQueueRules}, {@link dev.ack.runner.fuzz.WakerTraceChecks}); the event
 * queue also waits for the kernel to show that a peer's action arrived ({@link dev.ack.runner.fuzz.Delivery}).
 */
package dev.ack.runner.fuzz;
