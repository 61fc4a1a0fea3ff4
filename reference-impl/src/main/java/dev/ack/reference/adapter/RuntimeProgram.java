package dev.ack.reference.adapter;

import dev.ack.protocol.runtime.RuntimeInstruction;
import dev.ack.protocol.runtime.RuntimeLeaf;
import dev.ack.reference.coroutines.Future;
import dev.ack.reference.coroutines.JoinAll;
import dev.ack.reference.coroutines.TracedLeaf;
import dev.ack.reference.coroutines.Waker;
import dev.ack.reference.runtime.Async;
import dev.ack.reference.runtime.Http;
import dev.ack.reference.runtime.OtherRuntime;
import dev.ack.reference.runtime.RuntimeWaker;
import dev.ack.reference.runtime.Task;
import dev.ack.reference.runtime.ThirdPartyHttp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs runtime programs (spec/protocol.md §7.3) as the reference's native async code: each program
 * becomes the body of an {@link Async}, ordinary sequential code in which every {@code wait} is an
 * {@link Async#await}. A program's locals, its buffer, its children and whether it entered the other
 * runtime are locals of that body's frame, kept on the task's fiber across every wait, never in a
 * field: the task is its stack, as a Rust {@code async fn} is its state machine.
 */
final class RuntimeProgram {
    /** {@code {name}} in a template. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private static final String BUFFER = "buffer";

    private final ProgramEnvironment environment;
    private final SessionLeaves leaves;
    private final Function<Waker, ? extends RuntimeWaker> wakers;
    /** The session's other runtime, started at the first {@code enter_other_runtime}. */
    private final Supplier<OtherRuntime> otherRuntime;

    RuntimeProgram(ProgramEnvironment environment, SessionLeaves leaves, Function<Waker, ? extends RuntimeWaker> wakers,
                   Supplier<OtherRuntime> otherRuntime) {
        this.environment = environment;
        this.leaves = leaves;
        this.wakers = wakers;
        this.otherRuntime = otherRuntime;
    }

    /** Checks how {@code program} and its children use their children, before any of it runs ({@link CreatedChildren}). */
    static void check(List<RuntimeInstruction> program) {
        CreatedChildren children = new CreatedChildren();
        for (RuntimeInstruction instruction : program) {
            switch (instruction) {
                case RuntimeInstruction.Create create -> {
                    check(create.program());
                    children.add(create.name());
                }
                case RuntimeInstruction.Wait wait when wait.child() != null -> children.handOver(wait.child());
                case RuntimeInstruction.JoinAll join -> join.children().forEach(children::handOver);
                case RuntimeInstruction.Spawn spawn -> children.handOver(spawn.child());
                default -> {
                    // uses no child
                }
            }
        }
    }

    /** The root task of {@code program}, already {@link #check checked}. */
    Task task(List<RuntimeInstruction> program) {
        return new Task(body(program), wakers);
    }

    private Async<String> body(List<RuntimeInstruction> program) {
        return new Async<>(() -> run(program));
    }

    /** The program's code, from its first instruction to its {@code return} or its end (the empty string). */
    private String run(List<RuntimeInstruction> program) {
        Map<String, String> locals = new HashMap<>();
        StringBuilder buffer = new StringBuilder();
        StringBuilder writer = buffer; // taken before the first instruction, used across every wait (RT-07)
        Map<String, Async<String>> children = new HashMap<>();
        OtherRuntime entered = null;
        for (RuntimeInstruction instruction : program) {
            switch (instruction) {
                case RuntimeInstruction.Log log -> environment.log(fill(log.text(), locals, buffer));
                case RuntimeInstruction.Set set -> locals.put(set.var(), fill(set.value(), locals, buffer));
                case RuntimeInstruction.Append append -> writer.append(fill(append.text(), locals, buffer));
                case RuntimeInstruction.Create create -> children.put(create.name(), body(create.program()));
                case RuntimeInstruction.Spawn spawn -> Task.spawn(new Task(children.remove(spawn.child()), wakers));
                case RuntimeInstruction.EnterOtherRuntime _ -> entered = otherRuntime.get();
                case RuntimeInstruction.Wait wait -> {
                    Future<String> future = wait.leaf() != null ? leaf(wait.leaf(), entered) : children.remove(wait.child());
                    keep(locals, wait.into(), Async.await(future));
                }
                case RuntimeInstruction.JoinAll join -> keep(locals, join.into(),
                        Async.await(new JoinAll(join.children().stream().<Future<String>>map(children::remove).toList())));
                case RuntimeInstruction.Return ret -> {
                    return fill(ret.value(), locals, buffer);
                }
            }
        }
        return "";
    }

    /** A new future for {@code leaf}, reporting its polls; an other-runtime leaf is polled in the context the task entered, if any. */
    private Future<String> leaf(RuntimeLeaf leaf, OtherRuntime entered) {
        return switch (leaf) {
            case RuntimeLeaf.Manual(String name) -> new TracedLeaf(name, leaves.manual(name), environment);
            case RuntimeLeaf.Http(int port, String path, String name) ->
                    new TracedLeaf(label(name, path), leaves.http(Http.get(port, path)), environment);
            case RuntimeLeaf.ThirdParty(int port, String path, String name) ->
                    new TracedLeaf(label(name, path), ThirdPartyHttp.get(port, path), environment);
            case RuntimeLeaf.OtherRuntime(int port, String path, String name) -> {
                Http request = leaves.http(OtherRuntime.get(port, path));
                yield new TracedLeaf(label(name, path), entered == null ? request : entered.inContext(request), environment);
            }
        };
    }

    private static String label(String name, String path) {
        return name == null ? path : name;
    }

    private static void keep(Map<String, String> locals, String into, String value) {
        if (into != null) locals.put(into, value);
    }

    /** {@code template} with {@code {buffer}} the buffer and every other {@code {x}} local {@code x}; one of no local stays as written. */
    private static String fill(String template, Map<String, String> locals, StringBuilder buffer) {
        return PLACEHOLDER.matcher(template).replaceAll(placeholder -> Matcher.quoteReplacement(
                placeholder.group(1).equals(BUFFER) ? buffer.toString()
                        : locals.getOrDefault(placeholder.group(1), placeholder.group())));
    }
}
