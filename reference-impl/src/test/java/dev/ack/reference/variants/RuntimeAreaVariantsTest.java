package dev.ack.reference.variants;

import static dev.ack.reference.wakers.BlockOnThread.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.reference.coroutines.ManualLeaves;
import dev.ack.reference.coroutines.Recorder;
import dev.ack.reference.runtime.Async;
import dev.ack.reference.runtime.RuntimeWaker;
import dev.ack.reference.runtime.Task;
import dev.ack.reference.wakers.BlockOnThread;
import dev.ack.reference.wakers.Parker;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each known-bad variant of the runtime area (chapter 10) really has its defect, where the reference does not. */
class RuntimeAreaVariantsTest {
    private static final RuntimeFactory BUSY = BusyRuntime.VARIANT.implementation().runtime();
    private static final RuntimeFactory WAKE_BY_REF_LOST = WakeByRefLost.VARIANT.implementation().runtime();
    private static final RuntimeFactory ROOT_ENDS = RootEndsBlockOn.VARIANT.implementation().runtime();
    private static final long BURNT_NANOS = 200_000_000;

    @Test
    void busyRuntimeBurnsCpuWhileItWaitsForAWake() throws Exception {
        BusyRuntime executor = (BusyRuntime) BUSY.executor(new Recorder());
        Parker parker = new Parker();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Thread parked = Thread.ofPlatform().name("busy").start(() -> {
            try {
                executor.park(parker);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        eventually(() -> threads.getThreadCpuTime(parked.threadId()) > BURNT_NANOS);
        parker.unpark();
        parked.join();
    }

    @Test
    void wakeByRefLostWakesByValueOnly() {
        AtomicInteger wakes = new AtomicInteger();
        RuntimeWaker reference = RuntimeFactory.REFERENCE.waker(wakes::incrementAndGet);
        reference.wake();
        reference.wakeByRef();
        assertThat(wakes).hasValue(2);

        RuntimeWaker lost = WAKE_BY_REF_LOST.waker(wakes::incrementAndGet);
        lost.wake();
        lost.wakeByRef();
        assertThat(wakes).hasValue(3);
    }

    @Test
    void rootEndsBlockOnReturnsWhileASpawnedTaskStillWaits() throws Exception {
        ManualLeaves leaves = new ManualLeaves();
        Recorder trace = new Recorder();
        Task root = Task.of(new Async<>(() -> {
            Task.spawn(Task.of(new Async<>(() -> Async.await(leaves.leaf("never")))));
            return null;
        }));
        try (BlockOnThread run = new BlockOnThread("main", ROOT_ENDS.executor(trace), root)) {
            run.value();
        }

        assertThat(trace.lines()).contains("finished 0", "all finished").doesNotContain("finished 1");
    }
}
