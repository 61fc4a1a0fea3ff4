package dev.ack.runner.verdict;

/** The outcome of one scenario, as the kit reports it. */
public enum Verdict {
    PASSED("PASS"),
    FAILED("FAIL"),
    /** Not run for a reason other than claims (a broken harness, the user stopped the run), or a failure the skip file accepts. */
    SKIPPED("SKIP"),
    /** The adapter does not claim the scenario's area or capability: not a failure. */
    NOT_CLAIMED("N/C "),
    /** Teaching levels: a lower chapter has failures, so this chapter's scenarios wait. */
    LOCKED("LOCK");

    private final String label;

    Verdict(String label) { this.label = label; }

    public String label() { return label; }
}
