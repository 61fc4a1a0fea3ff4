/**
 * The reference adapter: a protocol server on stdin and stdout that lets the conformance runner drive
 * the reference implementation. {@link dev.ack.reference.adapter.ProtocolServer} runs the request loop;
 * one {@link dev.ack.reference.adapter.AreaHandler} per area lists its routes, each an op of
 * {@code dev.ack.protocol} and the function that serves it with the op's records, and
 * {@link dev.ack.reference.adapter.OpDispatch} checks each request's args against the schema, binds
 * them and calls the function; {@link dev.ack.reference.adapter.Handles} names the objects in between.
 * The fibers area's programs run in an {@code Interpreter} on the fibers' own stacks. Each handler
 * makes its area's objects through the area's factory from {@link dev.ack.reference.variants}: the
 * reference's, or with {@code --variant NAME} a known-bad variant's.
 */
package dev.ack.reference.adapter;
