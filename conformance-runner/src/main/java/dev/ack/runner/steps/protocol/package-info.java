/**
 * Steps of the protocol's own scenarios (features/protocol/): requests the protocol forbids, sent raw,
 * handles never issued and ops not claimed, whatever areas the adapter claims.
 */
package dev.ack.runner.steps.protocol;
