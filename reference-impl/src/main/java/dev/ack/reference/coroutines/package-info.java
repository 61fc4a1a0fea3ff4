/**
 * Stackless coroutines, as built in chapter 7 of "Asynchronous Programming in Rust".
 *
 * <p>A {@link dev.ack.reference.coroutines.Future} is polled and answers with a
 * {@link dev.ack.reference.coroutines.PollState}: Ready with its value, or Pending. A coroutine program
 * (a list of {@link dev.ack.reference.coroutines.Instruction}s) is compiled by the
 * {@link dev.ack.reference.coroutines.Compiler} into {@link dev.ack.reference.coroutines.Segment}s, the
 * code of each state, and run by a {@link dev.ack.reference.coroutines.StateMachine}: Start, one Wait
 * state per wait point, Resolved, the shape of the book's hand-written and corofied coroutines. It
 * waits on leaves (a manual one from {@link dev.ack.reference.coroutines.ManualLeaves}, the book's
 * {@link dev.ack.reference.coroutines.HttpGet}) and on child coroutines, alone or through join_all.
 * The {@link dev.ack.reference.coroutines.Environment} supplies leaves and takes trace entries.
 */
package dev.ack.reference.coroutines;
