package dev.ack.reference.wakers;

import static dev.ack.reference.eventqueue.Checks.openDescriptors;
import static dev.ack.reference.wakers.BlockOnThread.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ack.reference.coroutines.Recorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reactor: one per process at a time; it wakes the most recent waker of a registered stream. */
class ReactorTest {
    private Reactor reactor;

    @AfterEach
    void stop() throws Exception {
        if (reactor != null) reactor.close();
    }

    @Test
    void withoutAReactorLeavesFailWithNotInitialised() {
        assertThatThrownBy(Reactor::current).isInstanceOf(NotInitialisedException.class);
    }

    @Test
    void aSecondStartFailsWithAlreadyRunningAndTheFirstGoesOn() throws Exception {
        reactor = Reactor.start();

        assertThatThrownBy(() -> Reactor.start()).isInstanceOf(AlreadyRunningException.class);
        assertThat(Reactor.current()).isSameAs(reactor);
    }

    @Test
    void aStoppedReactorMakesRoomForANewOne() throws Exception {
        Reactor.start().close();

        assertThatThrownBy(Reactor::current).isInstanceOf(NotInitialisedException.class);
        reactor = Reactor.start();
    }

    @Test
    void theMostRecentWakerWins() throws Exception {
        reactor = Reactor.start();

        assertThat(ReactorWakes.taskWokenOfTwoWakers(reactor)).isEqualTo(2);
    }

    @Test
    void anHttpLeafIsWokenByTheReactorAndReleasesItsConnection() throws Exception {
        reactor = Reactor.start();
        Recorder recorder = new Recorder();
        try (DelayServer server = new DelayServer()) {
            long before = openDescriptors();
            try (BlockOnThread run = new BlockOnThread("main", new Executor(recorder),
                    HttpGet.wokenByReactor(server.port(), "/100/HelloWorld"))) {
                assertThat(run.value()).isEqualTo("HelloWorld");
            }
            assertThat(recorder.lines()).containsSubsequence("polled 0", "sleep 1", "woken 0", "polled 0", "finished 0");
            eventually(() -> openDescriptors() <= before); // the server's end closes on its own thread
        }
    }
}
