/**
 * Self-referential state and pinning, as chapter 9 of "Asynchronous Programming in Rust" teaches them,
 * on native memory so that addresses are real and moves are copies.
 *
 * <p>Java's objects have no stable address (the collector moves them and fixes every reference), so a
 * value here lives in a block of native memory from a {@link dev.ack.reference.pinning.NativeHeap}: a
 * {@link dev.ack.reference.pinning.NativeValue} is a handle to its current place, a move copies its
 * bytes to a new block and leaves the old one behind as a stale copy (the stack slot a Rust value is
 * moved out of), and a self-reference is a raw address stored in those bytes, which no move fixes up.
 * {@link dev.ack.reference.pinning.SelfRefValue} and {@link dev.ack.reference.pinning.MaybeSelfRef} are
 * the book's {@code MaybeSelfRef}; {@link dev.ack.reference.pinning.NotMovable} is its pin marker
 * ({@code PhantomPinned}, {@code !Unpin}); {@link dev.ack.reference.pinning.Pin} pins a value on the
 * heap or in a scope, and the value then refuses every move at run time (Java's types cannot refuse it
 * at compile time) except {@link dev.ack.reference.pinning.Pin#unsafeMoveUnchecked()}.
 * {@link dev.ack.reference.pinning.BufferCoroutine} is the book's self-referential coroutine (a buffer
 * and a writer into it across two waits), run by the {@link dev.ack.reference.pinning.Executor} of
 * {@code ch09/b} or the {@link dev.ack.reference.pinning.ShortcutExecutor} of {@code ch09/c}.
 */
package dev.ack.reference.pinning;
