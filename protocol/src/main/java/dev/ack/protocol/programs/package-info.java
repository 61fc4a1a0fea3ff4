/**
 * The coroutine programs that areas {@code coroutines} and {@code wakers} share (spec/protocol.md §7):
 * instructions, leaves, trace entries, and the args that make a manual leaf ready.
 */
package dev.ack.protocol.programs;
