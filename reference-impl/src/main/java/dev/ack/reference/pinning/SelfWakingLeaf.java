package dev.ack.reference.pinning;

import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;

/** A leaf future that is Pending at its first poll (and wakes its task at once) and Ready with its response at the next. */
final class SelfWakingLeaf {
    private final String response;
    private boolean polled;

    SelfWakingLeaf(String response) {
        this.response = response;
    }

    PollState<String> poll(Waker waker) {
        if (polled) return PollState.ready(response);
        polled = true;
        waker.wake();
        return PollState.pending();
    }
}
