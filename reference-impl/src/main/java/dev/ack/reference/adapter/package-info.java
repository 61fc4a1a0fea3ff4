/**
 * The reference adapter: a protocol server on stdin and stdout that lets the conformance runner drive
 * the reference implementation. {@link dev.ack.reference.adapter.ProtocolServer} runs the request loop
 * and the session ops; one {@link dev.ack.reference.adapter.AreaHandler} per area turns requests into
 * calls on that area's package; {@link dev.ack.reference.adapter.Handles} names the objects in between.
 */
package dev.ack.reference.adapter;
