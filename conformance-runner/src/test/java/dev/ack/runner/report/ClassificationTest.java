package dev.ack.runner.report;

import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.ProtocolError;
import dev.ack.runner.adapter.AdapterFault;
import dev.ack.runner.spec.ClauseComment;
import dev.ack.runner.verdict.NotRun;
import dev.ack.runner.verdict.OpFailed;
import dev.ack.runner.verdict.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ClassificationTest {
    private static final FailedStep GIVEN = new FailedStep(FailedStep.Phase.CONTEXT, "Given ", "a poll", 5, List.of());
    private static final FailedStep THEN = new FailedStep(FailedStep.Phase.OUTCOME, "Then ", "the poll reports 4", 9, List.of("EQ-04.2"));

    private static Verdict of(Throwable thrown, FailedStep step) {
        return Classification.of(TestExecutionResult.failed(thrown), Optional.ofNullable(step));
    }

    @Test
    void aThenStepsAssertionFailsTheRuleAndAnEarlierStepBlocksIt() {
        assertThat(of(new AssertionError("expected 4"), THEN)).isEqualTo(Verdict.FAILED);
        assertThat(of(new OpFailed("`eq.poll_new` failed with Unsupported"), GIVEN)).isEqualTo(Verdict.BLOCKED);
        assertThat(of(new ProtocolError(ErrorKind.UnknownHandle, "leftover"), FailedStep.hook(FailedStep.Phase.SETUP)))
                .isEqualTo(Verdict.BLOCKED);
        assertThat(of(new AssertionError("x"), null)).as("no step seen: never hidden as blocked").isEqualTo(Verdict.FAILED);
    }

    @Test
    void aHarnessFaultIsAnErrorWhereverItHappensAndAStoppedRunASkip() {
        assertThat(of(new AdapterFault(AdapterFault.Kind.CRASHED, "signal 11"), THEN)).isEqualTo(Verdict.ERROR);
        assertThat(of(new AdapterFault(AdapterFault.Kind.TIMED_OUT, "5 s"), GIVEN)).isEqualTo(Verdict.ERROR);
        assertThat(of(new AdapterFault(AdapterFault.Kind.INTERRUPTED, "SIGINT"), THEN)).isEqualTo(Verdict.SKIPPED);
        assertThat(of(new IllegalStateException("a step used a poll before creating it"), GIVEN))
                .as("the kit's own fault is no verdict on the implementation").isEqualTo(Verdict.ERROR);
        assertThat(Classification.of(TestExecutionResult.aborted(NotRun.notClaimed("area fibers")), Optional.empty()))
                .isEqualTo(Verdict.NOT_CLAIMED);
    }

    @Test
    void onlyMessagesThatNameNoExpectedValueAreShownUnderHint() {
        assertThat(Classification.revealsNoExpectation(new AssertionError("expected token 4294967301"))).isFalse();
        assertThat(Classification.revealsNoExpectation(new OpFailed("`eq.register` failed with Unsupported"))).isTrue();
        assertThat(Classification.revealsNoExpectation(new AdapterFault(AdapterFault.Kind.CRASHED, "exit 1"))).isTrue();
    }

    @Test
    void aFailureBlamesTheClauseItsThenStepNamesAndOnlyThat() {
        ScenarioResult named = result(Verdict.FAILED, THEN);
        assertThat(named.blamedClauses()).containsExactly("EQ-04.2");
        assertThat(named.blamedRules()).containsExactly("EQ-04");
        ScenarioResult unnamed = result(Verdict.FAILED, new FailedStep(FailedStep.Phase.OUTCOME, "Then ", "x", 9, List.of()));
        assertThat(unnamed.blamedRules()).as("no comment: every rule of the scenario").containsExactly("EQ-04", "EQ-07");
        ScenarioResult foreign = result(Verdict.FAILED, new FailedStep(FailedStep.Phase.OUTCOME, "Then ", "x", 9, List.of("WK-01")));
        assertThat(foreign.blamedRules()).as("a comment naming no rule of the scenario").containsExactly("EQ-04", "EQ-07");
        assertThat(result(Verdict.BLOCKED, GIVEN).blamedRules()).isEmpty();
    }

    @Test
    void aClauseCommentIsReadOnlyWhenItNamesClauses() {
        assertThat(ClauseComment.clausesIn("# EQ-04.2")).containsExactly("EQ-04.2");
        assertThat(ClauseComment.clausesIn("  # EQ-04.2, EQ-07")).containsExactly("EQ-04.2", "EQ-07");
        assertThat(ClauseComment.clausesIn("# the poll may return early")).isEmpty();
    }

    static ScenarioResult result(Verdict verdict, FailedStep step) {
        return new ScenarioResult("eq.x", "X", "x.feature:3", List.of("@EQ-04", "@EQ-07", "@ch4"), List.of("EQ-04", "EQ-07"),
                verdict, "", "", Optional.ofNullable(step), 0, 1, Optional.empty());
    }
}
