package dev.ack.reference.coroutines;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A coroutine: a program compiled into states ({@link Compiler}), driven by {@link #poll}, the way
 * the book's hand-written and corofied coroutines are. The states are {@code Start}, one
 * {@code Wait} per wait point, holding the future waited on, and {@code Resolved}. A poll runs from
 * the current state until a wait is Pending or the program returns; a Ready wait hands its value to
 * the next state's code in the same poll. Locals and created children live here, across waits.
 */
public class StateMachine implements Future<String> {
    /** Where the machine stands: the book's {@code enum State}. */
    private sealed interface State {
        record Start() implements State {}

        /** Stopped at wait point {@code point} (1, 2, …), waiting on {@code future}, whose value goes into {@code into}. */
        record Wait(int point, Future<String> future, String into) implements State {}

        record Resolved(String value) implements State {}
    }

    private final List<Segment> segments;
    private final Environment environment;
    private final Locals locals = new Locals();
    /** Children created and not yet waited on or spawned. */
    private final Map<String, StateMachine> children = new HashMap<>();
    private State state = new State.Start();

    /**
     * Compiles {@code program}; nothing of it runs before the first poll.
     *
     * @param program the coroutine's instructions
     * @param environment where it logs, finds its leaves, spawns and keeps wakers
     */
    public StateMachine(List<Instruction> program, Environment environment) {
        this.segments = Compiler.compile(program);
        this.environment = environment;
    }

    @Override
    public PollState<String> poll(Waker waker) {
        while (true) {
            switch (state) {
                case State.Start() -> state = run(0, waker);
                case State.Wait(int point, Future<String> future, String into) -> {
                    if (!(future.poll(waker) instanceof PollState.Ready<String>(String value))) {
                        return PollState.pending();
                    }
                    locals.set(into, value);
                    state = run(point, waker);
                }
                case State.Resolved _ -> throw new PolledAfterReadyException();
            }
            if (state instanceof State.Resolved(String value)) return PollState.ready(value);
        }
    }

    /** Runs the code of segment {@code index} and returns the state its exit leads to. */
    private State run(int index, Waker waker) {
        Segment segment = segments.get(index);
        for (Instruction instruction : segment.code()) execute(instruction, waker);
        return switch (segment.exit()) {
            case Instruction.Return(String value) -> new State.Resolved(locals.fill(value));
            case Instruction.Wait wait -> new State.Wait(index + 1, future(wait), wait.into());
        };
    }

    private void execute(Instruction instruction, Waker waker) {
        switch (instruction) {
            case Instruction.Log(String text) -> environment.log(locals.fill(text));
            case Instruction.Set(String var, String value) -> locals.set(var, locals.fill(value));
            case Instruction.Create(String name, List<Instruction> program) ->
                    children.put(name, new StateMachine(program, environment));
            case Instruction.Spawn(String child) -> environment.spawn(take(child));
            case Instruction.PollDetached(String child) -> created(child).poll(Waker.noop());
            case Instruction.KeepWaker(String name) -> environment.keepWaker(name, waker);
            case Instruction.Exit exit -> throw new IllegalArgumentException("the compiler ends segments at exits: " + exit);
        }
    }

    /** The future a wait point waits on; made when the program reaches it, so no leaf starts early. */
    private Future<String> future(Instruction.Wait wait) {
        return switch (wait) {
            case Instruction.WaitLeaf(Leaf leaf, String into) -> new TracedLeaf(leaf.label(), environment.leaf(leaf), environment);
            case Instruction.WaitChild(String child, String into) -> take(child);
            case Instruction.JoinAll(List<String> names, String into) ->
                    new JoinAll(names.stream().<Future<String>>map(this::take).toList());
            case Instruction.YieldNow() -> new PendingOnce(environment::wakeFromPoll);
            case Instruction.YieldUntilSleep() -> new PendingOnce(environment::wakeAtSleep);
        };
    }

    private StateMachine created(String child) {
        return Optional.ofNullable(children.get(child))
                .orElseThrow(() -> new IllegalArgumentException("no child \"" + child + "\" was created, or it was handed over"));
    }

    /** A created child, handed over to whoever drives it from now on. */
    private StateMachine take(String child) {
        StateMachine created = created(child);
        children.remove(child);
        return created;
    }
}
