package dev.ack.reference.coroutines;

import static dev.ack.reference.coroutines.Programs.create;
import static dev.ack.reference.coroutines.Programs.joinAll;
import static dev.ack.reference.coroutines.Programs.log;
import static dev.ack.reference.coroutines.Programs.program;
import static dev.ack.reference.coroutines.Programs.ret;
import static dev.ack.reference.coroutines.Programs.set;
import static dev.ack.reference.coroutines.Programs.spawn;
import static dev.ack.reference.coroutines.Programs.waitChild;
import static dev.ack.reference.coroutines.Programs.waitLeaf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ack.reference.wakers.NotInitialisedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A compiled coroutine driven by hand, as chapter 7's runner does: no wakers, the test decides when to poll. */
class StateMachineTest {
    private final Recorder recorder = new Recorder();

    private StateMachine coroutine(Instruction... instructions) {
        return new StateMachine(List.of(instructions), recorder);
    }

    private static PollState<String> poll(StateMachine coroutine) {
        return coroutine.poll(Waker.noop());
    }

    @Test
    void creatingACoroutineRunsNothing() {
        coroutine(log("never"), waitLeaf("A", null));

        assertThat(recorder.lines()).isEmpty();
    }

    @Test
    void withoutWaitsItCompletesOnItsFirstPoll() {
        StateMachine coroutine = coroutine(log("Program starting"), set("greeting", "Hello"), ret("{greeting}, world"));

        assertThat(poll(coroutine)).isEqualTo(PollState.ready("Hello, world"));
        assertThat(recorder.lines()).containsExactly("log Program starting");
    }

    @Test
    void aProgramWithoutReturnEndsWithTheEmptyString() {
        assertThat(poll(coroutine(log("nothing to return")))).isEqualTo(PollState.ready(""));
    }

    @Test
    void aPollStopsAtAPendingWaitAndTheNextResumesThere() {
        StateMachine coroutine = coroutine(log("before A"), waitLeaf("A", "a"), log("got {a}"),
                waitLeaf("B", "b"), ret("{a} and {b}"));

        assertThat(poll(coroutine)).isEqualTo(PollState.pending());
        assertThat(recorder.take()).containsExactly("log before A", "leaf A started", "leaf A polled: pending");
        assertThat(poll(coroutine)).isEqualTo(PollState.pending());
        assertThat(recorder.take()).containsExactly("leaf A polled: pending");

        recorder.leaves.makeReady("A", "1");
        assertThat(poll(coroutine)).isEqualTo(PollState.pending());
        assertThat(recorder.take())
                .containsExactly("leaf A polled: ready", "log got 1", "leaf B started", "leaf B polled: pending");

        recorder.leaves.makeReady("B", "2");
        assertThat(poll(coroutine)).isEqualTo(PollState.ready("1 and 2"));
        assertThat(recorder.take()).containsExactly("leaf B polled: ready");
    }

    @Test
    void localsSurviveEveryWait() {
        StateMachine coroutine = coroutine(set("greeting", "Received"), set("count", "0"),
                waitLeaf("A", "first"), set("count", "1"),
                waitLeaf("B", "second"), set("count", "2"),
                ret("{greeting} {count} responses: {first}, {second}"));

        poll(coroutine);
        poll(coroutine);
        recorder.leaves.makeReady("A", "HelloWorld1");
        poll(coroutine);
        poll(coroutine);
        recorder.leaves.makeReady("B", "HelloWorld2");

        assertThat(poll(coroutine)).isEqualTo(PollState.ready("Received 2 responses: HelloWorld1, HelloWorld2"));
    }

    @Test
    void aReadyChildHandsItsValueOnWithinTheSamePoll() {
        StateMachine coroutine = coroutine(create("greeter", log("greeter runs"), ret("hello")),
                log("before the child"), waitChild("greeter", "greeting"), log("got {greeting}"),
                ret("{greeting} world"));

        assertThat(poll(coroutine)).isEqualTo(PollState.ready("hello world"));
        assertThat(recorder.lines()).containsExactly("log before the child", "log greeter runs", "log got hello");
    }

    @Test
    void pollingAfterReadyFailsAndRunsNothingAgain() {
        StateMachine coroutine = coroutine(log("runs once"), ret("done"));
        poll(coroutine);

        assertThatThrownBy(() -> poll(coroutine)).isInstanceOf(PolledAfterReadyException.class);
        assertThatThrownBy(() -> poll(coroutine)).isInstanceOf(PolledAfterReadyException.class);
        assertThat(recorder.lines()).containsExactly("log runs once");
    }

    @Test
    void joinAllPollsEachUnfinishedChildOncePerPollAndNeverAFinishedOne() {
        StateMachine coroutine = coroutine(
                create("c1", waitLeaf("A", "a"), ret("one {a}")),
                create("c2", waitLeaf("B", "b"), ret("two {b}")),
                create("c3", ret("three")),
                joinAll("all", "c1", "c2", "c3"), ret("[{all}]"));

        assertThat(poll(coroutine)).isEqualTo(PollState.pending());
        assertThat(recorder.take()).containsExactly(
                "leaf A started", "leaf A polled: pending", "leaf B started", "leaf B polled: pending");

        recorder.leaves.makeReady("B", "b");
        assertThat(poll(coroutine)).isEqualTo(PollState.pending());
        assertThat(recorder.take()).containsExactly("leaf A polled: pending", "leaf B polled: ready");

        assertThat(poll(coroutine)).isEqualTo(PollState.pending());
        assertThat(recorder.take()).containsExactly("leaf A polled: pending");

        recorder.leaves.makeReady("A", "a");
        assertThat(poll(coroutine)).isEqualTo(PollState.ready("[one a,two b,three]"));
    }

    @Test
    void anEmptyJoinAllIsReadyAtOnce() {
        assertThat(poll(coroutine(joinAll("x"), ret("[{x}]")))).isEqualTo(PollState.ready("[]"));
    }

    @Test
    void childrenStartNoWorkUntilTheirParentWaitsOnThem() {
        StateMachine coroutine = coroutine(create("c", log("child runs"), waitLeaf("C", null)),
                waitLeaf("A", null), waitChild("c", null));

        poll(coroutine);
        assertThat(recorder.take()).containsExactly("leaf A started", "leaf A polled: pending");
        recorder.leaves.makeReady("A", "");
        poll(coroutine);
        assertThat(recorder.take()).containsExactly("leaf A polled: ready", "log child runs", "leaf C started",
                "leaf C polled: pending");
    }

    @Test
    void spawnNeedsAnExecutor() {
        StateMachine coroutine = coroutine(create("c", ret("")), spawn("c"));

        assertThatThrownBy(() -> poll(coroutine)).isInstanceOf(NotInitialisedException.class);
    }
}
