package dev.ack.reference.wakers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.reference.coroutines.Future;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code executor.blockOn(root)} on a thread of its own, as {@code wk.block_on} runs it; stopped when the test ends. */
public final class BlockOnThread implements AutoCloseable {
    static final Duration SOON = Duration.ofSeconds(5);

    private final CompletableFuture<String> result = new CompletableFuture<>();
    private final Thread thread;

    public BlockOnThread(String name, Executor executor, Future<String> root) {
        thread = Thread.ofPlatform().name(name).start(() -> {
            try {
                result.complete(executor.blockOn(root));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
    }

    /** The root's value once {@code block_on} returned; fails the test if it does not within {@link #SOON}. */
    public String value() throws Exception {
        return result.get(SOON.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isFinished() {
        return result.isDone();
    }

    /** Waits until {@code condition} holds, failing the test after {@link #SOON}. */
    public static void eventually(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (!condition.call()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
