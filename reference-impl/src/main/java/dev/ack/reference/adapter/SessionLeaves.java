package dev.ack.reference.adapter;

import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.ManualLeaves;
import dev.ack.reference.wakers.HttpGet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The leaves an area's programs wait on, for the session: the manual ones by name, which the runner
 * makes ready, and the http ones made so far, whose connections {@link #clear} closes. Executor
 * threads make leaves while the request thread makes them ready.
 */
final class SessionLeaves {
    private final ManualLeaves manual;
    private final List<HttpGet> requests = Collections.synchronizedList(new ArrayList<>());

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

    /** Keeps {@code request} until {@link #clear}, which closes its connection. */
    HttpGet http(HttpGet request) {
        requests.add(request);
        return request;
    }

    /** Closes the requests' connections and forgets every leaf (a new scenario may reuse the names). */
    void clear() {
        requests.forEach(HttpGet::close);
        requests.clear();
        manual.clear();
    }
}
