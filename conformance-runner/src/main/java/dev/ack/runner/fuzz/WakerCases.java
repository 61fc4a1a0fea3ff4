package dev.ack.runner.fuzz;

import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.protocol.programs.CoroutineLeaf;
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
    private static final int MAX_LEAVES = 26;
    private static final List<String> LOCALS = List.of("x", "y");

    private final Draws draws;
    private final boolean valued;
    private final boolean wakesCounted;
    private final List<String> leaves = new ArrayList<>();
    private final List<String> kept = new ArrayList<>();
    private int children;
    private int texts;

    private WakerCases(Draws draws, boolean valued, boolean wakesCounted) {
        this.draws = draws;
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
        List<String> waiting = new ArrayList<>(leaves);
        List<List<Action>> batches = new ArrayList<>();
        while (!waiting.isEmpty()) {
            List<Action> batch = new ArrayList<>();
            int size = Math.min(waiting.size(), draws.between(1, 3));
            for (int i = 0; i < size; i++) {
                String leaf = waiting.remove(draws.between(0, waiting.size() - 1));
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
                program.add(new CoroutineInstruction.Return(text(owner + " done", locals)));
                break;
            }
            CoroutineInstruction instruction = switch (kind) {
                case 1 -> new CoroutineInstruction.Set(set(locals), text(owner, locals));
                case 2 -> leaves.size() == MAX_LEAVES ? log(owner, locals)
                        : CoroutineInstruction.Wait.forLeaf(new CoroutineLeaf.Manual(newLeaf()), into(locals));
                case 4 -> new CoroutineInstruction.YieldNow();
                case 5 -> new CoroutineInstruction.YieldUntilSleep();
                case 6 -> early ? keepWaker() : log(owner, locals);
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
                case 9 -> created.isEmpty() ? log(owner, locals) : waitOrJoin(created, locals);
                default -> log(owner, locals);
            };
            program.add(instruction);
            early &= !(instruction instanceof CoroutineInstruction.Wait || instruction instanceof CoroutineInstruction.JoinAll
                    || instruction instanceof CoroutineInstruction.YieldNow || instruction instanceof CoroutineInstruction.YieldUntilSleep);
        }
        return List.copyOf(program);
    }

    /** A wait on one child not waited on yet, or join_all of some of them, in a random order. */
    private CoroutineInstruction waitOrJoin(List<String> created, List<String> locals) {
        if (draws.oneIn(2)) return CoroutineInstruction.Wait.forChild(created.remove(draws.between(0, created.size() - 1)), into(locals));
        List<String> joined = new ArrayList<>();
        int count = draws.between(0, created.size());
        for (int i = 0; i < count; i++) joined.add(created.remove(draws.between(0, created.size() - 1)));
        return new CoroutineInstruction.JoinAll(List.copyOf(joined), null);
    }

    private CoroutineInstruction keepWaker() {
        String waker = "w" + (kept.size() + 1);
        kept.add(waker);
        return new CoroutineInstruction.KeepWaker(waker);
    }

    private CoroutineInstruction log(String owner, List<String> locals) {
        return new CoroutineInstruction.Log(text(owner + " says", locals));
    }

    private String newLeaf() {
        String leaf = String.valueOf((char) ('A' + leaves.size()));
        leaves.add(leaf);
        return leaf;
    }

    /** A text that begins with {@code start}, tells itself apart by a number, and may show a local already set. */
    private String text(String start, List<String> locals) {
        String text = start + " " + ++texts;
        return locals.isEmpty() || draws.oneIn(2) ? text : text + " {" + draws.oneOf(locals) + "}";
    }

    /** Sometimes a local for a wait's value, which the program may show from then on. */
    private String into(List<String> locals) {
        return draws.oneIn(2) ? null : set(locals);
    }

    private String set(List<String> locals) {
        String local = draws.oneOf(LOCALS);
        if (!locals.contains(local)) locals.add(local);
        return local;
    }
}
