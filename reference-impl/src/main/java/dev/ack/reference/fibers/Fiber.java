package dev.ack.reference.fibers;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * A fiber's own stack: the one class that touches the JDK's {@code jdk.internal.vm.Continuation}, the
 * engine under virtual threads. A continuation runs a task on a stack of its own; {@link #suspend()}
 * stops it mid-call and returns to whoever called {@link #resume()}, and the next {@code resume()}
 * carries on right after the suspend, every frame and local as it was. That is what the book's
 * assembly switch does by swapping stack pointers.
 *
 * <p>Reached through method handles, so the module compiles with {@code --release 25} (which cannot be
 * combined with {@code --add-exports}); the JVM that runs it needs
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}. The handles are constants, so the JIT
 * calls through them as directly as through the class itself.
 *
 * <p>Chapter 10 runs its tasks on fibers too: a task's body is ordinary sequential code that suspends
 * where it awaits a future that is not ready, the JVM's counterpart of the state machine the Rust
 * compiler makes of an {@code async fn}. Fibers may nest: a fiber resumed on another suspends back
 * to it.
 */
public final class Fiber {
    private static final MethodHandle NEW;
    private static final MethodHandle RUN;
    private static final MethodHandle YIELD;
    private static final MethodHandle IS_DONE;

    static {
        try {
            Class<?> continuation = Class.forName("jdk.internal.vm.Continuation");
            Class<?> scopeClass = Class.forName("jdk.internal.vm.ContinuationScope");
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Object scope = lookup.findConstructor(scopeClass, methodType(void.class, String.class)).invoke("fibers");
            NEW = MethodHandles.insertArguments(
                    lookup.findConstructor(continuation, methodType(void.class, scopeClass, Runnable.class)), 0, scope)
                    .asType(methodType(Object.class, Runnable.class));
            RUN = lookup.findVirtual(continuation, "run", methodType(void.class))
                    .asType(methodType(void.class, Object.class));
            YIELD = MethodHandles.insertArguments(
                    lookup.findStatic(continuation, "yield", methodType(boolean.class, scopeClass)), 0, scope)
                    .asType(methodType(void.class));
            IS_DONE = lookup.findVirtual(continuation, "isDone", methodType(boolean.class))
                    .asType(methodType(boolean.class, Object.class));
        } catch (Throwable e) {
            throw new ExceptionInInitializerError(new IllegalStateException(
                    "fibers need the JVM flag --add-exports java.base/jdk.internal.vm=ALL-UNNAMED", e));
        }
    }

    private final Object continuation;

    /**
     * A fiber that will run {@code task}, once, when first resumed.
     *
     * @param task what it runs
     */
    public Fiber(Runnable task) {
        try {
            continuation = NEW.invokeExact(task);
        } catch (Throwable e) {
            throw unchecked(e);
        }
    }

    /** Runs the fiber until it suspends or its task ends; what the task throws comes out here. */
    public void resume() {
        try {
            RUN.invokeExact(continuation);
        } catch (Throwable e) {
            throw unchecked(e);
        }
    }

    /**
     * Whether the task has ended (returned or thrown): the fiber cannot be resumed any more.
     *
     * @return true once it has ended
     */
    public boolean isDone() {
        try {
            return (boolean) IS_DONE.invokeExact(continuation);
        } catch (Throwable e) {
            throw unchecked(e);
        }
    }

    /** Called on a fiber: suspends it, returning from the {@link #resume()} that runs it. */
    public static void suspend() {
        try {
            YIELD.invokeExact();
        } catch (Throwable e) {
            throw unchecked(e);
        }
    }

    /** What the handles throw is what the continuation threw: unchecked, as a task cannot throw more. */
    private static RuntimeException unchecked(Throwable e) {
        if (e instanceof Error error) throw error;
        if (e instanceof RuntimeException runtime) return runtime;
        return new IllegalStateException(e);
    }
}
