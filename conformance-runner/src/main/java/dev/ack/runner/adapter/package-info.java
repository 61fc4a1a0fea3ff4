/**
 * The runner's side of the protocol: starting an adapter process without a shell and owning every
 * process it starts ({@link dev.ack.runner.adapter.ProcessTree}), the request/reply channel with
 * deadlines, its typed face ({@link dev.ack.runner.adapter.ProtocolClient}), strict mode
 * ({@link dev.ack.runner.adapter.SchemaCheck}), the transcript, and the classification of a misbehaving
 * adapter (crashed, timed out, protocol error, each with its exact cause) so that a broken adapter is
 * reported as exactly that. What an adapter wrote reaches messages and reports only as bounded,
 * printable excerpts.
 */
package dev.ack.runner.adapter;
