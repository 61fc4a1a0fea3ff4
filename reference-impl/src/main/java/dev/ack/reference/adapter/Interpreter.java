package dev.ack.reference.adapter;

import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.fibers.FiberInstruction;
import dev.ack.reference.fibers.FiberException;
import dev.ack.reference.fibers.FiberRuntime;
import dev.ack.reference.fibers.StackBudget;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs fibers programs (spec/protocol.md §6) on whichever context calls it, writing what happens into
 * a {@link FiberTrace}. A program's state lives only in this interpreter's frames on the running context's
 * stack: its {@link FiberLocals} are made by the frame that starts the program and handed down from call to
 * call, never stored in a field or in the runtime; {@code nested} is real recursion; {@code yield} is
 * the runtime's. So a program sees what the fiber's own stack keeps across a switch, and nothing else.
 */
final class Interpreter {
    /** What one recursive call of the interpreter charges to the stack budget: about a real frame's size. */
    private static final long FRAME_BYTES = 128;
    /** {@code {name}} in a log text. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final FiberRuntime runtime;
    private final FiberTrace trace;
    /** Where each program keeps its locals; the reference gives each a map of its own ({@code FibersFactory}). */
    private final Supplier<Map<String, Long>> programLocals;

    Interpreter(FiberRuntime runtime, FiberTrace trace, Supplier<Map<String, Long>> programLocals) {
        this.runtime = runtime;
        this.trace = trace;
        this.programLocals = programLocals;
    }

    /** Runs {@code program} on the base context, then the runtime until no context is ready. */
    void runOnBase(List<FiberInstruction> program) {
        runProgram(program);
        runtime.run();
    }

    /** A spawned fiber's whole life: its program, then the entry that says its slot is free again. */
    private void runFiber(List<FiberInstruction> program) {
        runProgram(program);
        trace.finished(runtime.currentId());
    }

    /**
     * Runs {@code program} to its end or its first failing instruction, which ends it with an error
     * entry. A real StackOverflowError is caught here, at the bottom of the context's stack, once the
     * frames above have unwound and there is room again: it stops this program only.
     */
    private void runProgram(List<FiberInstruction> program) {
        try {
            execute(program, new FiberLocals(programLocals.get()));
        } catch (FiberException e) {
            trace.error(runtime.currentId(), FailureKinds.kind(e), e.getMessage());
        } catch (StackOverflowError e) {
            trace.error(runtime.currentId(), ErrorKind.StackOverflow, "the JVM's own stack ran out");
        }
    }

    private void execute(List<FiberInstruction> instructions, FiberLocals locals) throws FiberException {
        for (FiberInstruction instruction : instructions) {
            switch (instruction) {
                case FiberInstruction.Log log -> trace.log(runtime.currentId(), render(log.text(), locals));
                case FiberInstruction.Yield _ -> runtime.yieldNow();
                case FiberInstruction.Set set -> locals.set(set.var(), set.value());
                case FiberInstruction.Add add -> locals.set(add.var(), locals.get(add.var()) + add.value());
                case FiberInstruction.Check check -> {
                    long actual = locals.get(check.var());
                    if (actual != check.equals()) trace.check(runtime.currentId(), check.var(), check.equals(), actual);
                }
                case FiberInstruction.Repeat repeat -> {
                    for (long i = 0; i < repeat.times(); i++) {
                        locals.set(repeat.var(), i);
                        execute(repeat.body(), locals);
                    }
                }
                case FiberInstruction.Nested nested -> nest(nested.depth(), nested.body(), locals);
                case FiberInstruction.Spawn spawn -> {
                    int id = runtime.spawn(() -> runFiber(spawn.body()));
                    trace.spawned(runtime.currentId(), id);
                }
                case FiberInstruction.Spin spin -> {
                    for (long i = 0; i < spin.iterations(); i++) Thread.onSpinWait();
                }
                case FiberInstruction.ExhaustStack exhaust -> exhaustStack(exhaust.frameBytes());
            }
        }
    }

    /** Real recursion: {@code depth} frames of this method on the running context's stack, then the body. */
    private void nest(int depth, List<FiberInstruction> body, FiberLocals locals) throws FiberException {
        if (depth == 0) {
            execute(body, locals);
            return;
        }
        StackBudget stack = runtime.stack();
        stack.push(FRAME_BYTES);
        try {
            nest(depth - 1, body, locals);
        } finally {
            stack.pop(FRAME_BYTES);
        }
    }

    /**
     * Recurses until the stack budget, or the JVM's own stack, runs out. Each frame declares a buffer of
     * {@code frameBytes} to the budget without allocating it: a Java array lives on the heap, never in
     * the frame, so the bytes it is charged are all such a buffer would change here.
     */
    private void exhaustStack(int frameBytes) throws FiberException {
        StackBudget stack = runtime.stack();
        stack.push(FRAME_BYTES + frameBytes);
        try {
            exhaustStack(frameBytes);
        } finally {
            stack.pop(FRAME_BYTES + frameBytes);
        }
    }

    /** {@code text} with {@code {id}} the running fiber's id and every other {@code {name}} that local's value. */
    private String render(String text, FiberLocals locals) {
        return PLACEHOLDER.matcher(text).replaceAll(placeholder -> {
            String name = placeholder.group(1);
            return String.valueOf(name.equals("id") ? runtime.currentId() : locals.get(name));
        });
    }
}
