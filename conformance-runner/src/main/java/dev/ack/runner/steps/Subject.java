package dev.ack.runner.steps;

import dev.ack.runner.adapter.AdapterFault;
import dev.ack.runner.verdict.SubjectFailed;

/**
 * Runs a request that is itself the scenario's subject (a poll a wake must end, a program that must
 * finish): no reply before the deadline is then the rule's failure, not a harness fault.
 */
public final class Subject {
    private Subject() {}

    /** {@code expectation} says what should have happened: "the wake after 100 ms to end the poll". */
    public static void mustReturn(String expectation, Runnable request) {
        try {
            request.run();
        } catch (AdapterFault fault) {
            if (fault.kind() != AdapterFault.Kind.TIMED_OUT) throw fault;
            throw new SubjectFailed("expected " + expectation + "; " + fault.getMessage(), fault);
        }
    }
}
