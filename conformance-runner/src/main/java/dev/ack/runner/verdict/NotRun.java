package dev.ack.runner.verdict;

import org.opentest4j.TestAbortedException;

/**
 * A scenario that did not run, and the verdict that says why: thrown before it starts (by the hooks),
 * seen by JUnit as an aborted test, and read by the reports by its type, never by its wording.
 */
public final class NotRun extends TestAbortedException {
    private final Verdict verdict;

    private NotRun(Verdict verdict, String reason) {
        super(reason);
        this.verdict = verdict;
    }

    /** The adapter does not claim the scenario's area or a capability it needs. */
    public static NotRun notClaimed(String what) {
        return new NotRun(Verdict.NOT_CLAIMED, "not claimed: " + what);
    }

    /** Teaching levels: a lower chapter has failures. */
    public static NotRun locked(String why) {
        return new NotRun(Verdict.LOCKED, "locked: " + why);
    }

    /** The run could not or should not go on: the harness is broken, or the user stopped it. */
    public static NotRun skipped(String why) {
        return new NotRun(Verdict.SKIPPED, "not run: " + why);
    }

    public Verdict verdict() { return verdict; }
}
