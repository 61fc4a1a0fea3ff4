package dev.ack.reference.runtime;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A leaf the runtime did not write: the JDK's own {@link HttpClient} (the counterpart of the book's
 * isahc experiment). It does its I/O on the JDK's threads, not through our reactor, and its standard
 * future, {@link CompletableFuture}, tells of its completion with a callback. The first poll sends the
 * request and registers a callback that wakes the task by value from whichever JDK thread completes
 * it; the runtime needs no change to run it.
 */
public final class ThirdPartyHttp implements Future<String> {
    /** One client for every such leaf, as a program would share one: it starts its own threads. */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final HttpRequest request;
    private CompletableFuture<HttpResponse<String>> response;
    /** The waker of the most recent poll: the one the completion wakes. */
    private final AtomicReference<Waker> waker = new AtomicReference<>();

    private ThirdPartyHttp(HttpRequest request) {
        this.request = request;
    }

    /**
     * {@code GET path} to the delay server on 127.0.0.1 through the JDK's client; creating it sends nothing.
     *
     * @param port the delay server's port
     * @param path {@code /<delay ms>/<message>}
     * @return the leaf
     */
    public static ThirdPartyHttp get(int port, String path) {
        return new ThirdPartyHttp(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build());
    }

    /**
     * Sends the request at the first poll; Ready with the body once the client has it.
     *
     * @param waker the waker to call once the response is complete
     * @return Ready with the body, else Pending
     * @throws UncheckedIOException when the request failed
     */
    @Override
    public PollState<String> poll(Waker waker) {
        this.waker.set(waker); // before looking: a completion after the look finds this poll's waker
        if (response == null) {
            response = CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString());
            response.whenComplete((done, failure) -> this.waker.get().wake());
            return PollState.pending();
        }
        if (!response.isDone()) return PollState.pending();
        try {
            return PollState.ready(response.get().body());
        } catch (ExecutionException e) {
            throw new UncheckedIOException(new IOException("the JDK's client failed: " + e.getCause(), e.getCause()));
        } catch (InterruptedException e) {
            throw new IllegalStateException("a completed future does not wait", e);
        }
    }
}
