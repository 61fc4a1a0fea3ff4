package dev.ack.runner.steps.coroutines;

import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.protocol.programs.CoroutineLeaf;
import dev.ack.runner.steps.IndentedLines;
import dev.ack.runner.steps.IndentedLines.Line;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coroutine program as the features write it, one instruction a line, translated into the JSON
 * instructions of protocol.md §7 ({@link IndentedLines} reads the layout). A child's program is the
 * block indented under its {@code create child c:} (or {@code spawn child c:}, which creates and spawns it):
 * <pre>
 * log "Program starting"
 * set greeting to "hello"
 * wait for leaf A into x            (a manual leaf; "into x" is optional everywhere)
 * wait for http "/300/HelloWorld1"  (an http leaf, sent to the runner's delay server)
 * create child c:
 *   wait for leaf B
 *   return "c got {x}"
 * wait for child c into y
 * join all c1, c2 and c3 into all   ("join all into x" joins no children)
 * spawn c
 * spawn child d:
 *   log "d runs"
 * poll c once, detached
 * keep the waker as w
 * yield now                         (wakes its own task during the poll, Pending once)
 * yield until the executor sleeps   (Pending once; woken from another thread as the executor reports sleep)
 * return "done {x}"
 * </pre>
 * {@link #write} is the way back, for programs made elsewhere ({@code kit fuzz}) that a feature should show.
 */
public final class CoroutineProgram {
    private static final String INTO = "(?: into (\\w+))?";
    private static final Pattern CHILD_BLOCK = Pattern.compile("(create|spawn) child (\\w+):");
    private static final Pattern HTTP = Pattern.compile("wait for http \"(/(\\d+)/[^\"]*)\"" + INTO);

    private final List<CoroutineInstruction> instructions;
    private final List<Long> httpDelays;

    private CoroutineProgram(List<CoroutineInstruction> instructions, List<Long> httpDelays) {
        this.instructions = instructions;
        this.httpDelays = httpDelays;
    }

    /** The instructions, as {@code co.create} and {@code wk.block_on} take them. */
    public List<CoroutineInstruction> instructions() { return instructions; }

    /** The delay of every http leaf in the program and its children, in the order written. */
    public List<Long> httpDelays() { return httpDelays; }

    /** Translates {@code text}; {@code httpPort} is asked for the delay server's port when an http leaf needs it. */
    public static CoroutineProgram parse(String text, IntSupplier httpPort) {
        List<Long> delays = new ArrayList<>();
        List<CoroutineInstruction> instructions = new Parser(httpPort, delays).block(IndentedLines.parse(text));
        return new CoroutineProgram(instructions, List.copyOf(delays));
    }

    /** {@code instructions} written as the features write them, so that {@link #parse} reads them back. */
    public static String write(List<CoroutineInstruction> instructions) {
        StringBuilder text = new StringBuilder();
        write(instructions, "", text);
        return text.toString();
    }

    private static void write(List<CoroutineInstruction> block, String indent, StringBuilder text) {
        for (CoroutineInstruction instruction : block) {
            text.append(indent).append(switch (instruction) {
                case CoroutineInstruction.Log log -> "log \"" + log.text() + "\"";
                case CoroutineInstruction.Set set -> "set " + set.var() + " to \"" + set.value() + "\"";
                case CoroutineInstruction.Wait wait -> (switch (wait.leaf()) {
                    case null -> "wait for child " + wait.child();
                    case CoroutineLeaf.Manual manual -> "wait for leaf " + manual.name();
                    case CoroutineLeaf.Http http -> "wait for http \"" + http.path() + "\"";
                }) + into(wait.into());
                case CoroutineInstruction.Create create -> "create child " + create.name() + ":";
                case CoroutineInstruction.JoinAll join -> "join all" + (join.children().isEmpty() ? "" : " " + names(join.children()))
                        + into(join.into());
                case CoroutineInstruction.Return ret -> "return \"" + ret.value() + "\"";
                case CoroutineInstruction.Spawn spawn -> "spawn " + spawn.child();
                case CoroutineInstruction.PollDetached poll -> "poll " + poll.child() + " once, detached";
                case CoroutineInstruction.KeepWaker keep -> "keep the waker as " + keep.name();
                case CoroutineInstruction.YieldNow yieldNow -> "yield now";
                case CoroutineInstruction.YieldUntilSleep yieldUntilSleep -> "yield until the executor sleeps";
            }).append('\n');
            if (instruction instanceof CoroutineInstruction.Create create) write(create.program(), indent + "  ", text);
        }
    }

    private static String into(String local) {
        return local == null ? "" : " into " + local;
    }

    /** "a", "a and b", "a, b and c". */
    private static String names(List<String> names) {
        int last = names.size() - 1;
        return last == 0 ? names.getFirst() : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
    }

    private static final class Parser {
        private final IntSupplier httpPort;
        private final List<Long> delays;

        Parser(IntSupplier httpPort, List<Long> delays) {
            this.httpPort = httpPort;
            this.delays = delays;
        }

        /** The instructions of {@code lines}; a child block becomes its {@code create} (and {@code spawn}). */
        List<CoroutineInstruction> block(List<Line> lines) {
            List<CoroutineInstruction> block = new ArrayList<>();
            for (Line line : lines) {
                Matcher child = CHILD_BLOCK.matcher(line.text());
                if (child.matches()) {
                    block.add(new CoroutineInstruction.Create(child.group(2), block(line.children())));
                    if (child.group(1).equals("spawn")) block.add(new CoroutineInstruction.Spawn(child.group(2)));
                } else {
                    block.add(instruction(line));
                }
            }
            return List.copyOf(block);
        }

        private CoroutineInstruction instruction(Line line) {
            Matcher http = HTTP.matcher(line.text());
            if (http.matches()) {
                delays.add(Long.parseLong(http.group(2)));
                return CoroutineInstruction.Wait.forLeaf(new CoroutineLeaf.Http(httpPort.getAsInt(), http.group(1), null), http.group(3));
            }
            for (Form form : FORMS) {
                Matcher m = form.pattern().matcher(line.text());
                if (m.matches()) return form.build().apply(m);
            }
            throw line.error("is not a program instruction");
        }
    }

    /** One way to write an instruction: its pattern, and how the groups become the instruction. */
    private record Form(Pattern pattern, Function<Matcher, CoroutineInstruction> build) {
        Form(String regex, Function<Matcher, CoroutineInstruction> build) {
            this(Pattern.compile(regex), build);
        }
    }

    private static final List<Form> FORMS = List.of(
            new Form("log \"(.*)\"", m -> new CoroutineInstruction.Log(m.group(1))),
            new Form("set (\\w+) to \"(.*)\"", m -> new CoroutineInstruction.Set(m.group(1), m.group(2))),
            new Form("wait for leaf (\\w+)" + INTO, m -> CoroutineInstruction.Wait.forLeaf(new CoroutineLeaf.Manual(m.group(1)), m.group(2))),
            new Form("wait for child (\\w+)" + INTO, m -> CoroutineInstruction.Wait.forChild(m.group(1), m.group(2))),
            new Form("join all(?: (\\w+(?:(?:, | and )\\w+)*))?" + INTO, m -> new CoroutineInstruction.JoinAll(
                    m.group(1) == null ? List.of() : Arrays.asList(m.group(1).split(", | and ")), m.group(2))),
            new Form("spawn (\\w+)", m -> new CoroutineInstruction.Spawn(m.group(1))),
            new Form("poll (\\w+) once, detached", m -> new CoroutineInstruction.PollDetached(m.group(1))),
            new Form("keep the waker as (\\w+)", m -> new CoroutineInstruction.KeepWaker(m.group(1))),
            new Form("yield now", m -> new CoroutineInstruction.YieldNow()),
            new Form("yield until the executor sleeps", m -> new CoroutineInstruction.YieldUntilSleep()),
            new Form("return \"(.*)\"", m -> new CoroutineInstruction.Return(m.group(1))));
}
