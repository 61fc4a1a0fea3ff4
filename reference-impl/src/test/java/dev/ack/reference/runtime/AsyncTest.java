package dev.ack.reference.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ack.reference.coroutines.JoinAll;
import dev.ack.reference.coroutines.ManualLeaves;
import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An async body is sequential code that suspends where it awaits a Pending future, with no executor around it. */
class AsyncTest {
    private final ManualLeaves leaves = new ManualLeaves();
    private final List<String> woken = new ArrayList<>();
    private final Waker waker = () -> woken.add("woken");

    @Test
    void aPollRunsTheBodyUntilAnAwaitIsPendingAndTheNextGoesOnFromThere() {
        List<String> ran = new ArrayList<>();
        Async<String> body = new Async<>(() -> {
            ran.add("start");
            String a = Async.await(leaves.leaf("A"));
            ran.add("got " + a);
            return a + "!";
        });
        assertThat(ran).isEmpty();

        assertThat(body.poll(waker)).isEqualTo(PollState.pending());
        assertThat(ran).containsExactly("start");
        assertThat(body.poll(waker)).isEqualTo(PollState.pending());
        assertThat(ran).containsExactly("start");

        leaves.makeReady("A", "a");
        assertThat(woken).containsExactly("woken");
        assertThat(body.poll(waker)).isEqualTo(PollState.ready("a!"));
        assertThat(ran).containsExactly("start", "got a");
        assertThatThrownBy(() -> body.poll(waker)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReferenceToALocalStaysGoodAcrossAwaits() {
        Async<String> body = new Async<>(() -> {
            StringBuilder buffer = new StringBuilder();
            StringBuilder writer = buffer; // taken before the first await, kept across both
            writer.append(Async.await(leaves.leaf("A")));
            writer.append(Async.await(leaves.leaf("B")));
            return buffer.toString();
        });
        body.poll(waker);
        leaves.makeReady("A", "a");
        body.poll(waker);
        leaves.makeReady("B", "b");

        assertThat(body.poll(waker)).isEqualTo(PollState.ready("ab"));
    }

    @Test
    void nestedBodiesWaitTogetherInAJoinAndHandTheirWakerDown() {
        Async<String> first = new Async<>(() -> "1" + Async.await(leaves.leaf("A")));
        Async<String> second = new Async<>(() -> "2" + Async.await(leaves.leaf("B")));
        Async<String> parent = new Async<>(() -> Async.await(new JoinAll(List.of(first, second))));

        assertThat(parent.poll(waker)).isEqualTo(PollState.pending());
        leaves.makeReady("B", "b");
        leaves.makeReady("A", "a");

        assertThat(woken).hasSize(2);
        assertThat(parent.poll(waker)).isEqualTo(PollState.ready("1a,2b"));
    }

    @Test
    void whatTheBodyThrowsComesOutOfThePoll() {
        Async<String> body = new Async<>(() -> {
            Async.await(leaves.leaf("A"));
            throw new IllegalArgumentException("boom");
        });
        body.poll(waker);
        leaves.makeReady("A", "a");

        assertThatThrownBy(() -> body.poll(waker)).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
    }

    @Test
    void awaitOutsideAnAsyncBodyFails() {
        assertThatThrownBy(() -> Async.await(leaves.leaf("A"))).isInstanceOf(IllegalStateException.class);
    }
}
