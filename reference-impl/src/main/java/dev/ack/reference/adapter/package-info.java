/**
 * The reference adapter: a protocol server on stdin and stdout that lets the conformance runner drive
 * the reference implementation. {@link dev.ack.reference.adapter.ProtocolServer} runs the request loop
 * and the session ops; one {@link dev.ack.reference.adapter.AreaHandler} per area turns requests into
 * calls on that area's package; {@link dev.ack.reference.adapter.Handles} names the objects in between.
 * The fibers area's programs run in an {@code Interpreter} on the fibers' own stacks. Each handler
 * makes its area's objects through the area's factory from {@link dev.ack.reference.variants}: the
 * reference's, or with {@code --variant NAME} a known-bad variant's.
 */
package dev.ack.reference.adapter;
