package dev.ack.runner.verdict;

/**
 * A request the scenario needed to succeed was answered with an error. Its message names only the
 * request as sent and the adapter's reply, never an expected value, so every feedback level may show it.
 */
public final class OpFailed extends AssertionError {
    public OpFailed(String message) {
        super(message);
    }
}
