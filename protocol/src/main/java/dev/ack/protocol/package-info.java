/**
 * The adapter wire protocol, in one place: the contract that spec/protocol.md states in prose and
 * spec/protocol.schema.json states for machines. Here: the vocabulary (areas, capabilities, error
 * kinds), the session's ops, the line codec for requests, replies and events, and the schema as a
 * validator. Each area's ops, with the records of their args and results, are in a sub-package
 * ({@code eventqueue}, {@code fibers}, {@code coroutines}, {@code wakers}, and {@code programs}, which
 * the last two share). The runner (client side) and the reference adapter (server side) both speak
 * through these types, and the build checks them against the schema, so none of the three can drift.
 */
package dev.ack.protocol;
