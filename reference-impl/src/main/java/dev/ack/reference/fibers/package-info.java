/**
 * Stackful fibers with a cooperative round-robin scheduler, as built in chapter 5 of "Asynchronous
 * Programming in Rust".
 *
 * <p>A {@link dev.ack.reference.fibers.FiberRuntime} has a fixed table of slots: slot 0 is the base context
 * (the thread that made the runtime), slots 1.. hold fibers, and a fiber's id is its slot. Each slot is
 * in a {@link dev.ack.reference.fibers.State}. {@code spawn} readies a fiber without running it,
 * {@code yieldNow} passes control to the next ready context, and {@code run} yields from the base
 * context until nothing is ready. Where the book swaps stack pointers in assembly, a
 * {@link dev.ack.reference.fibers.Fiber} keeps its stack in one of the JDK's own continuations; a
 * {@link dev.ack.reference.fibers.StackBudget} enforces the configured stack size.
 */
package dev.ack.reference.fibers;
