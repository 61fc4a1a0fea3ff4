/**
 * The runner's side of the protocol: starting an adapter process without a shell, the request/reply
 * channel with deadlines, its typed face ({@link dev.ack.runner.adapter.ProtocolClient}), strict mode
 * ({@link dev.ack.runner.adapter.SchemaCheck}), the transcript, and the classification of a misbehaving
 * adapter (crashed, timed out, protocol error) so that a broken adapter is reported as exactly that.
 */
package dev.ack.runner.adapter;
