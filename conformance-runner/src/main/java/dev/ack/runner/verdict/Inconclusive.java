package dev.ack.runner.verdict;

/**
 * A timing check missed its bound by less than the runner itself was held up while measuring: the
 * machine, not the implementation, may explain the miss. The scenario is retried once, then reported
 * as inconclusive, never as failed. An assertion error, as the check that throws it is one.
 */
public final class Inconclusive extends AssertionError {
    public Inconclusive(String message) {
        super(message);
    }
}
