package dev.ack.runner.report;

import dev.ack.protocol.ProtocolError;
import dev.ack.runner.adapter.AdapterFault;
import dev.ack.runner.verdict.Inconclusive;
import dev.ack.runner.verdict.NotRun;
import dev.ack.runner.verdict.OpFailed;
import dev.ack.runner.verdict.SubjectFailed;
import dev.ack.runner.verdict.Verdict;
import org.junit.platform.engine.TestExecutionResult;

import java.util.Optional;

/**
 * How a scenario's outcome becomes a verdict: by the type of what was thrown and the phase of the step
 * that threw it, never by a message's wording.
 */
final class Classification {
    private Classification() {}

    static Verdict of(TestExecutionResult result, Optional<FailedStep> step) {
        Throwable thrown = result.getThrowable().orElse(null);
        return switch (result.getStatus()) {
            case SUCCESSFUL -> Verdict.PASSED;
            case ABORTED -> thrown instanceof NotRun notRun ? notRun.verdict() : Verdict.SKIPPED;
            case FAILED -> failed(thrown, step);
        };
    }

    private static Verdict failed(Throwable thrown, Optional<FailedStep> step) {
        // the scenario that was running when the user pressed Ctrl-C did not fail: it was stopped
        if (thrown instanceof AdapterFault fault) return fault.kind() == AdapterFault.Kind.INTERRUPTED ? Verdict.SKIPPED : Verdict.ERROR;
        // only an assertion or an error reply speaks of the implementation; anything else thrown is the kit's or the machine's fault
        if (!(thrown instanceof AssertionError) && !(thrown instanceof ProtocolError)) return Verdict.ERROR;
        if (thrown instanceof Inconclusive) return Verdict.INCONCLUSIVE;
        if (thrown instanceof SubjectFailed) return Verdict.FAILED;
        // a scenario that failed without a step the ledger saw (a plugin not loaded) is a failure: never hide one as blocked
        return step.filter(s -> !s.outcome()).isPresent() ? Verdict.BLOCKED : Verdict.FAILED;
    }

    /**
     * Whether a throwable's message can be shown at every feedback level: only a scenario's assertions
     * compare with expected values; an error reply the scenario did not expect, a harness fault or the
     * kit's own failure name none.
     */
    static boolean revealsNoExpectation(Throwable thrown) {
        return !(thrown instanceof AssertionError) || thrown instanceof OpFailed;
    }
}
