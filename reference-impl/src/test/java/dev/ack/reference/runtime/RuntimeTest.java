package dev.ack.reference.runtime;

import static dev.ack.reference.wakers.BlockOnThread.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Recorder;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.wakers.AlreadyRunningException;
import dev.ack.reference.wakers.BlockOnThread;
import dev.ack.reference.wakers.DelayServer;
import dev.ack.reference.wakers.Executor;
import dev.ack.reference.wakers.NotInitialisedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chapter 10 runtime on real loopback sockets to the delay server: init, block_on, spawn, the waker, the leaves. */
class RuntimeTest {
    private final Recorder trace = new Recorder();
    private final List<String> out = new CopyOnWriteArrayList<>();
    private DelayServer server;
    private Runtime runtime;
    private BlockOnThread run;

    @BeforeEach
    void start() throws Exception {
        server = new DelayServer();
        runtime = Runtime.init();
    }

    @AfterEach
    void stop() throws Exception {
        if (run != null) run.close();
        if (runtime != null) runtime.close();
        server.close();
    }

    private void blockOn(Supplier<String> root) {
        run = new BlockOnThread("main", new Executor(trace), Task.of(new Async<>(root)));
    }

    @Test
    void theBooksTwoRequestProgramSleepsOncePerRequestAndGetsEachBodyWhole() throws Exception {
        String longBody = "x".repeat(400); // with the headers, three 147-byte reads at least
        blockOn(() -> {
            out.add("Program starting");
            out.add(Async.await(Http.get(server.port(), "/50/HelloAsyncAwait")));
            out.add(Async.await(Http.get(server.port(), "/10/" + longBody)));
            return null;
        });
        run.value();

        assertThat(out).containsExactly("Program starting", "HelloAsyncAwait", longBody);
        // At least one sleep per request; more when a response arrives in pieces, each woken apart; at most
        // one between two polls (a wake that comes during a poll needs no sleep before the next).
        assertThat(trace.count("sleep 1")).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(trace.count("polled 0") - 1);
    }

    @Test
    void blockOnWaitsForASpawnedTaskThatNothingAwaits() throws Exception {
        blockOn(() -> {
            Task.spawn(Task.of(new Async<>(() -> {
                out.add(Async.await(Http.get(server.port(), "/30/spawned")));
                return "dropped";
            })));
            out.add("root done");
            return null;
        });
        run.value();

        assertThat(out).containsExactly("root done", "spawned");
        assertThat(trace.lines()).containsSubsequence("finished 0", "finished 1", "all finished");
    }

    @Test
    void theWakerWakesItsTaskByValueAndByReference() throws Exception {
        KeptWaker leaf = new KeptWaker();
        blockOn(() -> {
            Async.await(leaf);
            Async.await(leaf);
            out.add("both");
            return null;
        });
        eventually(() -> trace.count("sleep 1") == 1);
        leaf.waker.wake();
        eventually(() -> trace.count("sleep 1") == 2);
        leaf.waker.wakeByRef();
        run.value();

        assertThat(out).containsExactly("both");
        assertThat(trace.count("woken 0")).isEqualTo(2);
    }

    @Test
    void aThirdPartyLeafWakesTheTaskFromTheJdksOwnThreads() throws Exception {
        List<String> wakingThreads = new CopyOnWriteArrayList<>();
        Future<String> thirdParty = ThirdPartyHttp.get(server.port(), "/30/fromTheJdk");
        blockOn(() -> {
            out.add(Async.await(waker -> thirdParty.poll(() -> {
                wakingThreads.add(Thread.currentThread().getName());
                waker.wake();
            })));
            return null;
        });
        run.value();

        assertThat(out).containsExactly("fromTheJdk");
        assertThat(wakingThreads).hasSize(1).noneMatch(name -> name.equals("main") || name.equals("reactor"));
    }

    @Test
    void aLeafOfTheOtherRuntimeFailsOutsideItsContextAndWorksInside() throws Exception {
        try (OtherRuntime other = OtherRuntime.start()) {
            blockOn(() -> Async.await(OtherRuntime.get(server.port(), "/10/outside")));
            assertThatThrownBy(run::value).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(NotInitialisedException.class);
            run.close();
            assertThat(server.requests()).isEmpty();

            blockOn(() -> {
                out.add(Async.await(other.inContext(OtherRuntime.get(server.port(), "/10/inside"))));
                return null;
            });
            run.value();
        }
        assertThat(out).containsExactly("inside");
    }

    @Test
    void initIsOncePerProcessAndTheFirstRuntimeGoesOnWorking() throws Exception {
        assertThatThrownBy(Runtime::init).isInstanceOf(AlreadyRunningException.class);

        blockOn(() -> {
            out.add(Async.await(Http.get(server.port(), "/10/still")));
            return null;
        });
        run.value();
        assertThat(out).containsExactly("still");
    }

    @Test
    void anHttpLeafNeedsARuntimeAndAfterCloseAnotherMayStart() throws Exception {
        runtime.close();
        blockOn(() -> Async.await(Http.get(server.port(), "/10/none")));
        assertThatThrownBy(run::value).hasCauseInstanceOf(NotInitialisedException.class);

        runtime = Runtime.init();
    }

    @Test
    void spawnedRequestsFinishInTheOrderOfTheirDelays() throws Exception {
        blockOn(() -> {
            for (int i = 9; i >= 0; i--) {
                String path = "/" + (i * 100) + "/" + i;
                Task.spawn(Task.of(new Async<>(() -> out.add(Async.await(Http.get(server.port(), path))))));
            }
            return null;
        });
        run.value();

        // spawned in reverse; a stall on a loaded machine may swap two neighbours, not undo the order
        assertThat(out).containsExactlyInAnyOrder("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        for (int i = 0; i < out.size(); i++) {
            assertThat(Math.abs(Integer.parseInt(out.get(i)) - i)).as("place of %s in %s", out.get(i), out).isLessThanOrEqualTo(1);
        }
    }

    /** A leaf that is Pending at its first poll, keeping the runtime's waker, and Ready at the next. */
    private static final class KeptWaker implements Future<String> {
        volatile RuntimeWaker waker;
        private boolean polled;

        @Override
        public PollState<String> poll(Waker waker) {
            if (polled) {
                polled = false;
                return PollState.ready("");
            }
            polled = true;
            this.waker = RuntimeWaker.of(waker);
            return PollState.pending();
        }
    }
}
