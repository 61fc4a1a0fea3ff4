/**
 * The reference adapter: a protocol server on stdin and stdout that lets the conformance runner drive
 * the reference implementation. {@link dev.ack.reference.adapter.ProtocolServer} runs the request loop
 * and the session ops; one {@link dev.ack.reference.adapter.AreaHandler} per area turns requests into
 * calls on that area's package; {@link dev.ack.reference.adapter.Handles} names the objects in between.
 * The fibers area's programs run in an {@code Interpreter} on the fibers' own stacks. One
 * {@code --variant NAME} switch picks a known-bad variant of any area ({@code Variants}).
 */
package dev.ack.reference.adapter;
