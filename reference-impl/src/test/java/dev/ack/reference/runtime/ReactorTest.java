package dev.ack.reference.runtime;

import static dev.ack.reference.eventqueue.Checks.openDescriptors;
import static dev.ack.reference.runtime.BlockOnThread.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ack.reference.coroutines.Recorder;
import dev.ack.reference.eventqueue.TcpStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;
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
        reactor = Reactor.start(Variant.REFERENCE);

        assertThatThrownBy(() -> Reactor.start(Variant.REFERENCE)).isInstanceOf(AlreadyRunningException.class);
        assertThat(Reactor.current()).isSameAs(reactor);
    }

    @Test
    void aStoppedReactorMakesRoomForANewOne() throws Exception {
        Reactor.start(Variant.REFERENCE).close();

        assertThatThrownBy(Reactor::current).isInstanceOf(NotInitialisedException.class);
        reactor = Reactor.start(Variant.REFERENCE);
    }

    @Test
    void theMostRecentWakerWins() throws Exception {
        reactor = Reactor.start(Variant.REFERENCE);

        assertThat(taskWokenOfTwoWakers(reactor)).isEqualTo(2);
    }

    /**
     * Registers a stream between two wakers given for its token, one for task 1, then one for task 2,
     * makes it readable and returns the task the reactor woke.
     */
    static int taskWokenOfTwoWakers(Reactor reactor) throws Exception {
        ReadyQueue woken = new ReadyQueue();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             TcpStream stream = TcpStream.connect(new InetSocketAddress("127.0.0.1", listener.getLocalPort()));
             Socket peer = listener.accept()) {
            long token = reactor.nextToken();
            reactor.setWaker(new TaskWaker(woken, new Parker(), 1, ExecutorTrace.NONE), token);
            reactor.register(stream, token);
            reactor.setWaker(new TaskWaker(woken, new Parker(), 2, ExecutorTrace.NONE), token);

            peer.getOutputStream().write(1);

            AtomicReference<Integer> task = new AtomicReference<>();
            eventually(() -> task.updateAndGet(none -> woken.pop()) != null);
            return task.get();
        }
    }

    @Test
    void anHttpLeafIsWokenByTheReactorAndReleasesItsConnection() throws Exception {
        reactor = Reactor.start(Variant.REFERENCE);
        Recorder recorder = new Recorder();
        try (DelayServer server = new DelayServer()) {
            long before = openDescriptors();
            try (BlockOnThread run = new BlockOnThread("main", new Executor(recorder, Variant.REFERENCE),
                    HttpGet.wokenByReactor(server.port(), "/100/HelloWorld"))) {
                assertThat(run.value()).isEqualTo("HelloWorld");
            }
            assertThat(recorder.lines()).containsSubsequence("polled 0", "sleep 1", "woken 0", "polled 0", "finished 0");
            eventually(() -> openDescriptors() <= before); // the server's end closes on its own thread
        }
    }
}
