package dev.ack.runner.verdict;

/** The outcome of one scenario, as the kit reports it. */
public enum Verdict {
    PASSED("PASS"),
    /** An assertion of an outcome (Then) step failed: the rule, or the clause the step names, is broken. */
    FAILED("FAIL"),
    /**
     * The scenario could not reach its subject: a Given or When step, or the reset before it, failed. The
     * implementation is at fault, but not (yet) at the rule's: the cause is shown, no rule is failed.
     */
    BLOCKED("BLKD"),
    /** A harness fault: the adapter crashed, timed out or broke the protocol. Exit status 3, not a rule failure. */
    ERROR("ERR "),
    /** A timing check could not be trusted: the runner itself stalled while measuring, twice. */
    INCONCLUSIVE("INC?"),
    /** Not run for a reason other than claims (a broken harness, the user stopped the run), or a failure the skip file accepts. */
    SKIPPED("SKIP"),
    /** The adapter does not claim the scenario's area or capability: not a failure. */
    NOT_CLAIMED("N/C "),
    /** Teaching levels: a lower chapter has failures, so this chapter's scenarios wait. */
    LOCKED("LOCK");

    private final String label;

    Verdict(String label) { this.label = label; }

    public String label() { return label; }

    /** How reports spell it: {@code not-claimed}. */
    public String wireName() { return name().toLowerCase().replace('_', '-'); }

    /** Whether the scenario was checked at all: it ran against the adapter and has a verdict of its own. */
    public boolean checked() {
        return this == PASSED || this == FAILED || this == BLOCKED || this == ERROR || this == INCONCLUSIVE;
    }

    /** Whether the implementation fell short here: a higher chapter stays locked while a lower one has such a verdict. */
    public boolean fallsShort() {
        return this == FAILED || this == BLOCKED || this == ERROR;
    }
}
