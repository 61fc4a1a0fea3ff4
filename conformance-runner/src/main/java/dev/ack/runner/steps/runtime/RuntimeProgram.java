package dev.ack.runner.steps.runtime;

import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.protocol.programs.CoroutineLeaf;
import dev.ack.protocol.runtime.RuntimeInstruction;
import dev.ack.protocol.runtime.RuntimeLeaf;
import dev.ack.runner.steps.IndentedLines;
import dev.ack.runner.steps.IndentedLines.Line;
import dev.ack.runner.steps.coroutines.CoroutineProgram;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A runtime program as the features write it: the lines of {@link CoroutineProgram} (read by it, one
 * line at a time, so both areas write them alike), and the runtime's own:
 * <pre>
 * append "{x}|"                                 (to the task's buffer; "{buffer}" reads it)
 * enter the other runtime
 * wait for third-party http "/300/hello" into x (the same request, made by a client that is not the runtime's)
 * wait for other-runtime http "/300/hello"      (the same request, bound to the other runtime's reactor)
 * </pre>
 */
final class RuntimeProgram {
    private static final Pattern CHILD_BLOCK = Pattern.compile("(create|spawn) child (\\w+):");
    private static final Pattern APPEND = Pattern.compile("append \"(.*)\"");
    private static final String ENTER = "enter the other runtime";
    /** A foreign leaf: the line without its kind is an http leaf, which gives the port, the path and the delay. */
    private static final Pattern FOREIGN = Pattern.compile("wait for (third-party|other-runtime) (http .*)");

    private final List<RuntimeInstruction> instructions;
    private final List<Long> httpDelays;

    private RuntimeProgram(List<RuntimeInstruction> instructions, List<Long> httpDelays) {
        this.instructions = instructions;
        this.httpDelays = httpDelays;
    }

    /** The instructions, as {@code rt.block_on} takes them. */
    List<RuntimeInstruction> instructions() { return instructions; }

    /** The delay of every request leaf (http, third-party, other-runtime), in the order written. */
    List<Long> httpDelays() { return httpDelays; }

    /** Translates {@code text}; {@code coroutineLine} reads one line the coroutine programs share. */
    static RuntimeProgram parse(String text, Function<String, CoroutineProgram> coroutineLine) {
        List<Long> delays = new ArrayList<>();
        List<RuntimeInstruction> instructions = new Parser(coroutineLine, delays).block(IndentedLines.parse(text));
        return new RuntimeProgram(instructions, List.copyOf(delays));
    }

    private record Parser(Function<String, CoroutineProgram> coroutineLine, List<Long> delays) {

        List<RuntimeInstruction> block(List<Line> lines) {
            List<RuntimeInstruction> block = new ArrayList<>();
            for (Line line : lines) {
                Matcher child = CHILD_BLOCK.matcher(line.text());
                if (child.matches()) {
                    block.add(new RuntimeInstruction.Create(child.group(2), block(line.children())));
                    if (child.group(1).equals("spawn")) block.add(new RuntimeInstruction.Spawn(child.group(2)));
                } else {
                    block.add(instruction(line));
                }
            }
            return List.copyOf(block);
        }

        private RuntimeInstruction instruction(Line line) {
            Matcher append = APPEND.matcher(line.text());
            if (append.matches()) return new RuntimeInstruction.Append(append.group(1));
            if (line.text().equals(ENTER)) return new RuntimeInstruction.EnterOtherRuntime();
            Matcher foreign = FOREIGN.matcher(line.text());
            String shared = foreign.matches() ? "wait for " + foreign.group(2) : line.text();
            CoroutineProgram read = coroutineLine.apply(shared);
            delays.addAll(read.httpDelays());
            CoroutineInstruction instruction = read.instructions().getFirst();
            if (foreign.matches() && instruction instanceof CoroutineInstruction.Wait wait
                    && wait.leaf() instanceof CoroutineLeaf.Http http) {
                RuntimeLeaf leaf = foreign.group(1).equals("third-party")
                        ? new RuntimeLeaf.ThirdParty(http.port(), http.path(), null)
                        : new RuntimeLeaf.OtherRuntime(http.port(), http.path(), null);
                return RuntimeInstruction.Wait.forLeaf(leaf, wait.into());
            }
            return translated(instruction, line);
        }

        /** A line both areas write, in the runtime's vocabulary; the wakers-only instructions are not in it. */
        private static RuntimeInstruction translated(CoroutineInstruction instruction, Line line) {
            return switch (instruction) {
                case CoroutineInstruction.Log log -> new RuntimeInstruction.Log(log.text());
                case CoroutineInstruction.Set set -> new RuntimeInstruction.Set(set.var(), set.value());
                case CoroutineInstruction.Wait wait when wait.leaf() instanceof CoroutineLeaf.Manual manual ->
                        RuntimeInstruction.Wait.forLeaf(new RuntimeLeaf.Manual(manual.name()), wait.into());
                case CoroutineInstruction.Wait wait when wait.leaf() instanceof CoroutineLeaf.Http http ->
                        RuntimeInstruction.Wait.forLeaf(new RuntimeLeaf.Http(http.port(), http.path(), http.name()), wait.into());
                case CoroutineInstruction.Wait wait -> RuntimeInstruction.Wait.forChild(wait.child(), wait.into());
                case CoroutineInstruction.JoinAll join -> new RuntimeInstruction.JoinAll(join.children(), join.into());
                case CoroutineInstruction.Return ret -> new RuntimeInstruction.Return(ret.value());
                case CoroutineInstruction.Spawn spawn -> new RuntimeInstruction.Spawn(spawn.child());
                case CoroutineInstruction.Create create -> throw line.error("creates a child without a block");
                case CoroutineInstruction.PollDetached _, CoroutineInstruction.KeepWaker _, CoroutineInstruction.YieldNow _,
                     CoroutineInstruction.YieldUntilSleep _ -> throw line.error("is not an instruction of the runtime area");
            };
        }
    }
}
