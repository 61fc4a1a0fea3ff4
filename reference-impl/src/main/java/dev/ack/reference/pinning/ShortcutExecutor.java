package dev.ack.reference.pinning;

import dev.ack.reference.coroutines.PollState;
import dev.ack.reference.coroutines.Waker;

/**
 * The executor of {@code ch09/c} with its "optimisation": poll the root once where it stands, and only
 * if it is Pending move it into a box in the task list. Applied to a self-referential root, the move
 * breaks its self-reference; so this executor applies it only to movable roots ({@code ch09/e}, where
 * the shortcut no longer compiles for a {@code !Unpin} future).
 */
public class ShortcutExecutor extends Executor {
    /** An executor with no task yet. */
    public ShortcutExecutor() {}

    @Override
    public ExecutorRun blockOn(NativeCoroutine root) {
        if (!mayPollInPlace(root)) return super.blockOn(root);
        try {
            PollState<String> first;
            try (ScopedPin<NativeCoroutine> here = Pin.scoped(root)) {
                first = here.get().poll(Waker.noop());
            }
            if (first instanceof PollState.Ready<String>(String value)) return new ExecutorRun(value, true, 0);
            root.move();
            return runInTaskList(Pin.boxed(root), true);
        } finally {
            root.close();
        }
    }

    /**
     * The seam of the shortcut: whether {@code root} may be polled in place and moved afterwards.
     *
     * @param root the root task
     * @return true when it is movable
     */
    protected boolean mayPollInPlace(NativeCoroutine root) {
        return root.movable();
    }
}
