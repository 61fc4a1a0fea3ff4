package dev.ack.reference.coroutines;


/**
 * A leaf that reports its polls: {@code leaf-started} after its first poll began the work,
 * {@code leaf-polled} after each. Chapter 10's tasks report theirs through it too.
 */
public final class TracedLeaf implements Future<String> {
    private final String label;
    private final Future<String> leaf;
    private final Environment environment;
    private boolean started;

    /**
     * Reports the polls of {@code leaf}.
     *
     * @param label the name the trace gives the leaf
     * @param leaf the leaf's future
     * @param environment where the reports go
     */
    public TracedLeaf(String label, Future<String> leaf, Environment environment) {
        this.label = label;
        this.leaf = leaf;
        this.environment = environment;
    }

    /**
     * Polls the leaf and reports it.
     *
     * @param waker handed to the leaf
     * @return what the leaf returned
     */
    @Override
    public PollState<String> poll(Waker waker) {
        PollState<String> state = leaf.poll(waker);
        if (!started) environment.leafStarted(label);
        started = true;
        environment.leafPolled(label, state instanceof PollState.Ready);
        return state;
    }
}
