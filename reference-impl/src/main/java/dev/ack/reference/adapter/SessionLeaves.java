package dev.ack.reference.adapter;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.ManualLeaves;
import dev.ack.reference.coroutines.Waker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * The leaves an area's programs wait on, for the session: the manual ones by name, which the runner
 * makes ready, and the http ones made so far, whose connections {@link #clear} closes. Executor
 * threads make leaves while the request thread makes them ready.
 */
final class SessionLeaves {
    private final ManualLeaves manual;
    private final List<AutoCloseable> requests = Collections.synchronizedList(new ArrayList<>());

    SessionLeaves(ManualLeaves manual) {
        this.manual = manual;
    }

    Future<String> manual(String name) {
        return manual.leaf(name);
    }

    /** Makes manual leaf {@code name} Ready with {@code value} and wakes the task that last polled it. */
    void makeReady(String name, String value) {
        manual.makeReady(name, value);
    }

    /** As {@link #makeReady(String, String)}, calling {@code wake} with the kept waker (chapter 10 wakes two ways). */
    void makeReady(String name, String value, Consumer<Waker> wake) {
        manual.makeReady(name, value, wake);
    }

    /** Keeps {@code request} until {@link #clear}, which closes its connection. */
    <T extends AutoCloseable> T http(T request) {
        requests.add(request);
        return request;
    }

    /** Closes the requests' connections and forgets every leaf (a new scenario may reuse the names). */
    void clear() throws Exception {
        synchronized (requests) {
            for (AutoCloseable request : requests) request.close();
        }
        requests.clear();
        manual.clear();
    }
}
