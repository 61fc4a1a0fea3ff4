package dev.ack.runner.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.runner.ProcessesWithMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When an adapter's session ends, by any road, no process the adapter started is left. */
class ProcessTreeTest {
    private static final ObjectNode NO_ARGS = Codec.JSON.createObjectNode();

    @ParameterizedTest(name = "a daemon started by {0} is killed with its adapter")
    @ValueSource(strings = {"daemon-double-fork", "daemon-setsid", "daemon-without-env"})
    void daemonsThatLeftTheAdapterAreKilledWithIt(String mode) {
        String marker = ProcessesWithMarker.newMarker();
        AdapterSession session = FakeAdapters.start(mode, marker, 1);
        awaitProcesses(marker, 2);
        assertThat(ProcessesWithMarker.alive(marker)).as("the adapter and its daemon run").contains(session.pid());
        session.close();
        assertThat(ProcessesWithMarker.alive(marker)).as("left after the session").isEmpty();
    }

    @Test
    void anAdapterThatExitsWhileItsChildHoldsStdoutIsACrashAndTheChildIsKilled() {
        String marker = ProcessesWithMarker.newMarker();
        AdapterSession session = FakeAdapters.start("exit-leaving-child", marker, 1);
        assertThatThrownBy(() -> session.call("eq.poll_new", NO_ARGS)).isInstanceOfSatisfying(AdapterFault.class, f -> {
            assertThat(f.kind()).isEqualTo(AdapterFault.Kind.CRASHED);
            assertThat(f.getMessage()).contains("exited with status 5").contains("still held its stdout open");
        });
        assertThat(ProcessesWithMarker.alive(marker)).isEmpty();
    }

    @Test
    void aHungRequestEndsAtOnceWhenTheSessionIsInterrupted() throws Exception {
        String marker = ProcessesWithMarker.newMarker();
        AdapterSession session = FakeAdapters.start("hang-on-request", marker, 10);
        CompletableFuture<Object> request = CompletableFuture.supplyAsync(() -> session.call("eq.poll_new", NO_ARGS));
        awaitFile(Path.of(marker + ".hanging"));
        long before = System.nanoTime();
        session.interrupt();
        assertThatThrownBy(() -> request.get(5, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(AdapterFault.class,
                f -> assertThat(f.kind()).isEqualTo(AdapterFault.Kind.INTERRUPTED));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before)).isLessThan(3_000);
        assertThat(ProcessesWithMarker.alive(marker)).isEmpty();
    }

    /** A process in the middle of exec may show no command line for a moment: look until both are seen. */
    private static void awaitProcesses(String marker, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessesWithMarker.alive(marker).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " processes with the marker, found " + ProcessesWithMarker.alive(marker));
            }
            Thread.onSpinWait();
        }
    }

    /** The fake creates the file when it starts to hang: the test waits for that, not for a guessed time. */
    private static void awaitFile(Path file) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) throw new AssertionError("the fake never reached its hang: " + file);
            Thread.onSpinWait();
        }
    }
}
