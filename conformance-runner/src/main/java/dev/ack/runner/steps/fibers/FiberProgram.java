package dev.ack.runner.steps.fibers;

import dev.ack.protocol.fibers.FiberInstruction;
import dev.ack.runner.steps.IndentedLines;
import dev.ack.runner.steps.IndentedLines.Line;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Translates the programs of the fibers features into the protocol's instructions (protocol.md §6).
 * The features write one instruction per line, close to the book's Rust, and a line ending in
 * {@code :} opens a block made of the lines indented below it ({@link IndentedLines} reads that layout):
 *
 * <pre>
 * spawn:
 *   let x = 7
 *   for i in 0..10:
 *     log "thread: {id} counter: {i}"
 *     yield
 *   check x == 7
 * </pre>
 * {@link #write} is the way back, for programs made elsewhere ({@code kit fuzz}) that a feature should show.
 */
public final class FiberProgram {

    /** The written forms of the instructions; a form ending in {@code :} gets the instructions of its block as its body. */
    private enum Form {
        LOG("log \"(.*)\"", (m, body) -> new FiberInstruction.Log(m.group(1))),
        YIELD("yield", (m, body) -> new FiberInstruction.Yield()),
        LET("let (\\w+) = (-?\\d+)", (m, body) -> new FiberInstruction.Set(m.group(1), Long.parseLong(m.group(2)))),
        ADD("(\\w+) \\+= (-?\\d+)", (m, body) -> new FiberInstruction.Add(m.group(1), Long.parseLong(m.group(2)))),
        CHECK("check (\\w+) == (-?\\d+)", (m, body) -> new FiberInstruction.Check(m.group(1), Long.parseLong(m.group(2)))),
        FOR("for (\\w+) in 0\\.\\.(\\d+):", (m, body) -> new FiberInstruction.Repeat(Long.parseLong(m.group(2)), m.group(1), body)),
        NESTED("nested (\\d+) frames deep:", (m, body) -> new FiberInstruction.Nested(Integer.parseInt(m.group(1)), body)),
        SPAWN("spawn:", (m, body) -> new FiberInstruction.Spawn(body)),
        SPIN("spin (\\d+) iterations", (m, body) -> new FiberInstruction.Spin(Long.parseLong(m.group(1)))),
        EXHAUST("exhaust the stack with (\\d+)-byte frames", (m, body) -> new FiberInstruction.ExhaustStack(Integer.parseInt(m.group(1))));

        private final Pattern pattern;
        private final BiFunction<Matcher, List<FiberInstruction>, FiberInstruction> build;

        Form(String regex, BiFunction<Matcher, List<FiberInstruction>, FiberInstruction> build) {
            this.pattern = Pattern.compile(regex);
            this.build = build;
        }
    }

    private static final String FORMS = Arrays.stream(Form.values()).map(f -> f.pattern.pattern())
            .collect(Collectors.joining("\n  ", "\n  ", ""));

    private FiberProgram() {}

    /** The protocol's instructions for {@code source}; a line that is not an instruction is an error naming it. */
    static List<FiberInstruction> parse(String source) {
        return instructions(IndentedLines.parse(source));
    }

    /** {@code program} written as the features write it, so that {@link #parse} reads it back. */
    public static String write(List<FiberInstruction> program) {
        StringBuilder text = new StringBuilder();
        write(program, "", text);
        return text.toString();
    }

    private static void write(List<FiberInstruction> block, String indent, StringBuilder text) {
        for (FiberInstruction instruction : block) {
            text.append(indent).append(switch (instruction) {
                case FiberInstruction.Log log -> "log \"" + log.text() + "\"";
                case FiberInstruction.Yield ignored -> "yield";
                case FiberInstruction.Set set -> "let " + set.var() + " = " + set.value();
                case FiberInstruction.Add add -> add.var() + " += " + add.value();
                case FiberInstruction.Check check -> "check " + check.var() + " == " + check.equals();
                case FiberInstruction.Repeat repeat -> "for " + repeat.var() + " in 0.." + repeat.times() + ":";
                case FiberInstruction.Nested nested -> "nested " + nested.depth() + " frames deep:";
                case FiberInstruction.Spawn ignored -> "spawn:";
                case FiberInstruction.Spin spin -> "spin " + spin.iterations() + " iterations";
                case FiberInstruction.ExhaustStack exhaust -> "exhaust the stack with " + exhaust.frameBytes() + "-byte frames";
            }).append('\n');
            switch (instruction) {
                case FiberInstruction.Repeat repeat -> write(repeat.body(), indent + "  ", text);
                case FiberInstruction.Nested nested -> write(nested.body(), indent + "  ", text);
                case FiberInstruction.Spawn spawn -> write(spawn.body(), indent + "  ", text);
                default -> { }
            }
        }
    }

    private static List<FiberInstruction> instructions(List<Line> lines) {
        return lines.stream().map(FiberProgram::instruction).toList();
    }

    private static FiberInstruction instruction(Line line) {
        for (Form form : Form.values()) {
            Matcher m = form.pattern.matcher(line.text());
            if (m.matches()) return form.build.apply(m, instructions(line.children()));
        }
        throw line.error("is not an instruction; the instructions are:" + FORMS);
    }
}
