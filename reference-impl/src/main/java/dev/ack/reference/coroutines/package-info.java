/**
 * Stackless coroutines, as built in chapter 7 of "Asynchronous Programming in Rust".
 *
 * <p>A {@link dev.ack.reference.coroutines.Future} is polled and answers with a
 * {@link dev.ack.reference.coroutines.PollState}: Ready with its value, or Pending. A coroutine program
 * (a list of {@link dev.ack.reference.coroutines.Instruction}s) is compiled by the
 * {@link dev.ack.reference.coroutines.Compiler} into {@link dev.ack.reference.coroutines.Segment}s, the
 * code of each state, and run by a {@link dev.ack.reference.coroutines.StateMachine}: Start, one Wait
 * state per wait point, Resolved, the shape of the book's hand-written and corofied coroutines. It
 * waits on leaves (a manual one from {@link dev.ack.reference.coroutines.ManualLeaves}, or the book's
 * http leaf) and on child coroutines, alone or through join_all. The
 * {@link dev.ack.reference.coroutines.Environment} supplies leaves, takes spawned tasks and trace
 * entries. A future is polled with a {@link dev.ack.reference.coroutines.Waker}; what a wake does is
 * up to whoever polls, so this package knows nothing of executors and reactors: chapter 8's runtime
 * builds on it, not the other way round. The http leaf lives there too, as its chapter 8 form
 * registers with the reactor.
 */
package dev.ack.reference.coroutines;
