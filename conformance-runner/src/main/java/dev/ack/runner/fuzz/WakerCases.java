package dev.ack.runner.fuzz;

import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.runner.fuzz.WakerCase.Action;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;

/**
 * Random wakers cases: a root program of logs, locals, waits on manual leaves, {@code yield_now},
 * {@code yield_until_sleep}, children spawned as tasks or created and then waited on alone or with
 * {@code join_all} (two levels deep), and returns; wakers kept by the root before its first wait. Then
 * the runner's batches: every leaf made ready once, in a random order, one to three at a time, and calls
 * of the kept wakers among them. Every program is valid ({@link CoroutineRules}) and every run can finish.
 */
final class WakerCases {
    private static final int MAX_DEPTH = 2;

    private final Draws draws;
    private final ProgramParts parts;
    private final boolean valued;
    private final boolean wakesCounted;
    private final List<String> kept = new ArrayList<>();
    private int children;

    private WakerCases(Draws draws, boolean valued, boolean wakesCounted) {
        this.draws = draws;
        this.parts = new ProgramParts(draws);
        this.valued = valued;
        this.wakesCounted = wakesCounted;
    }

    /**
     * {@code valued}: whether the root may return a value ({@code block_on}'s value, capability
     * block-on-value, WK-20); {@code wakesCounted}: as {@link WakerCase#wakesCounted()}.
     */
    static Gen<WakerCase> cases(boolean valued, boolean wakesCounted) {
        return source -> new WakerCases(new Draws(source), valued, wakesCounted).make();
    }

    private WakerCase make() {
        List<CoroutineInstruction> program = program(CoroutineCase.ROOT, 0, true);
        List<String> waiting = new ArrayList<>(parts.leaves());
        List<List<Action>> batches = new ArrayList<>();
        while (!waiting.isEmpty()) {
            List<Action> batch = new ArrayList<>();
            int size = Math.min(waiting.size(), draws.between(1, 3));
            for (int i = 0; i < size; i++) {
                String leaf = parts.one(waiting);
                batch.add(new Action.Ready(leaf, leaf.toLowerCase() + (batches.size() + 1)));
            }
            wakeMaybe(batch);
            batches.add(List.copyOf(batch));
        }
        if (batches.isEmpty() && !kept.isEmpty()) batches.add(List.of(new Action.Wake(draws.oneOf(kept))));
        return new WakerCase(program, List.copyOf(batches), wakesCounted);
    }

    /** Now and then a call of a kept waker, somewhere in the batch. */
    private void wakeMaybe(List<Action> batch) {
        if (kept.isEmpty() || draws.oneIn(2)) return;
        batch.add(draws.between(0, batch.size()), new Action.Wake(draws.oneOf(kept)));
    }

    /**
     * {@code early}: whether the program runs in the root's first poll up to here, so that a waker it keeps
     * is kept before the executor first sleeps, when the runner may call it.
     */
    private List<CoroutineInstruction> program(String owner, int depth, boolean early) {
        List<CoroutineInstruction> program = new ArrayList<>();
        List<String> locals = new ArrayList<>();
        List<String> created = new ArrayList<>();
        int size = draws.between(1, depth == 0 ? 7 : 4);
        for (int i = 0; i < size; i++) {
            int kind = draws.between(0, depth < MAX_DEPTH ? 9 : 5);
            if (kind == 3 && (depth > 0 || valued)) {
                program.add(new CoroutineInstruction.Return(parts.text(owner + " done", locals)));
                break;
            }
            CoroutineInstruction instruction = switch (kind) {
                case 1 -> parts.setLocal(owner, locals);
                case 2 -> parts.leafWait(owner, locals);
                case 4 -> new CoroutineInstruction.YieldNow();
                case 5 -> new CoroutineInstruction.YieldUntilSleep();
                case 6 -> early ? keepWaker() : parts.log(owner, locals);
                case 7 -> {
                    String child = "c" + ++children;
                    program.add(new CoroutineInstruction.Create(child, program(child, depth + 1, false)));
                    yield new CoroutineInstruction.Spawn(child);
                }
                case 8 -> {
                    String child = "c" + ++children;
                    created.add(child);
                    yield new CoroutineInstruction.Create(child, program(child, depth + 1, false));
                }
                case 9 -> created.isEmpty() ? parts.log(owner, locals) : waitOrJoin(created, locals);
                default -> parts.log(owner, locals);
            };
            program.add(instruction);
            early &= !(instruction instanceof CoroutineInstruction.Wait || instruction instanceof CoroutineInstruction.JoinAll
                    || instruction instanceof CoroutineInstruction.YieldNow || instruction instanceof CoroutineInstruction.YieldUntilSleep);
        }
        return List.copyOf(program);
    }

    /** A wait on one child not waited on yet, or join_all of some of them, in a random order. */
    private CoroutineInstruction waitOrJoin(List<String> created, List<String> locals) {
        return draws.oneIn(2) ? CoroutineInstruction.Wait.forChild(parts.one(created), parts.into(locals))
                : new CoroutineInstruction.JoinAll(parts.some(created), null);
    }

    private CoroutineInstruction keepWaker() {
        String waker = "w" + (kept.size() + 1);
        kept.add(waker);
        return new CoroutineInstruction.KeepWaker(waker);
    }
}
