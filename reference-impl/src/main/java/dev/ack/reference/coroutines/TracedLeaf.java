package dev.ack.reference.coroutines;


/** A leaf that reports its polls: {@code leaf-started} after its first poll began the work, {@code leaf-polled} after each. */
final class TracedLeaf implements Future<String> {
    private final String label;
    private final Future<String> leaf;
    private final Environment environment;
    private boolean started;

    TracedLeaf(Leaf leaf, Environment environment) {
        this.label = leaf.label();
        this.leaf = environment.leaf(leaf);
        this.environment = environment;
    }

    @Override
    public PollState<String> poll(Waker waker) {
        PollState<String> state = leaf.poll(waker);
        if (!started) environment.leafStarted(label);
        started = true;
        environment.leafPolled(label, state instanceof PollState.Ready);
        return state;
    }
}
