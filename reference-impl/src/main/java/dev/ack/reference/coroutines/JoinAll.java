package dev.ack.reference.coroutines;

import java.util.List;

/**
 * The book's {@code join_all}: waits on all children at once. Each poll polls every child that is
 * not finished yet, once, in order, so their waits overlap; a finished child is never polled again.
 * Ready, with the children's values joined by {@code ,} in the order given, once the last one is;
 * with no children, at once. Chapter 10's tasks wait on it too.
 */
public final class JoinAll implements Future<String> {
    private final List<Future<String>> children;
    /** A child's value once it is Ready, null before: the book's {@code (finished, future)} pairs. */
    private final String[] values;
    private int finished;

    /**
     * A join of {@code children}, none of which is polled yet.
     *
     * @param children the futures to wait on, in the order their values are joined
     */
    public JoinAll(List<Future<String>> children) {
        this.children = List.copyOf(children);
        this.values = new String[children.size()];
    }

    /**
     * Polls every child that is not finished yet, once, in order.
     *
     * @param waker handed to each child's poll
     * @return Ready with the values joined by {@code ,} once every child is, else Pending
     */
    @Override
    public PollState<String> poll(Waker waker) {
        for (int i = 0; i < children.size(); i++) {
            if (values[i] != null) continue;
            if (children.get(i).poll(waker) instanceof PollState.Ready<String>(String value)) {
                values[i] = value;
                finished++;
            }
        }
        return finished == children.size() ? PollState.ready(String.join(",", values)) : PollState.pending();
    }
}
