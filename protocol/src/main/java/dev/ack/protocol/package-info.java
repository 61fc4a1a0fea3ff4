/**
 * The adapter wire protocol, in one place: its vocabulary (areas, capabilities, error kinds) and the
 * line codec for requests, replies and events. The normative text is {@code spec/protocol.md}; the
 * runner (client side) and the reference adapter (server side) both speak through these types, so the
 * two cannot drift apart.
 */
package dev.ack.protocol;
