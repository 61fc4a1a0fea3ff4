package dev.ack.runner.verdict;

/**
 * A timing check missed its bound by less than the runner itself was held up while measuring: the
 * machine, not the implementation, may explain the miss. The scenario is retried once, then reported
 * as inconclusive, never as failed. An assertion error, as the check that throws it is one.
 */
public final class Inconclusive extends AssertionError {
    private final String stall;

    /**
     * @param message the check's message, which may quote the bound it missed
     * @param stall   what the runner measured of the machine's stall, which reveals no expected value
     */
    public Inconclusive(String message, String stall) {
        super(message + "; but " + stall);
        this.stall = stall;
    }

    /** Why the verdict is inconclusive, without the check's own words: safe to show at every feedback level. */
    public String stall() { return stall; }
}
