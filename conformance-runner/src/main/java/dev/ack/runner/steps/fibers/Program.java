package dev.ack.runner.steps.fibers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.runner.steps.IndentedLines;
import dev.ack.runner.steps.IndentedLines.Line;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
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
 */
final class Program {

    /** The written forms of the instructions; a form ending in {@code :} gets the lines of its block as its body. */
    private enum Form {
        LOG("log \"(.*)\"", (m, i) -> i.put("do", "log").put("text", m.group(1))),
        YIELD("yield", (m, i) -> i.put("do", "yield")),
        LET("let (\\w+) = (-?\\d+)", (m, i) -> i.put("do", "set").put("var", m.group(1)).put("value", Long.parseLong(m.group(2)))),
        ADD("(\\w+) \\+= (-?\\d+)", (m, i) -> i.put("do", "add").put("var", m.group(1)).put("value", Long.parseLong(m.group(2)))),
        CHECK("check (\\w+) == (-?\\d+)", (m, i) -> i.put("do", "check").put("var", m.group(1)).put("equals", Long.parseLong(m.group(2)))),
        FOR("for (\\w+) in 0\\.\\.(\\d+):", (m, i) -> i.put("do", "repeat").put("times", Long.parseLong(m.group(2))).put("var", m.group(1))),
        NESTED("nested (\\d+) frames deep:", (m, i) -> i.put("do", "nested").put("depth", Long.parseLong(m.group(1)))),
        SPAWN("spawn:", (m, i) -> i.put("do", "spawn")),
        SPIN("spin (\\d+) iterations", (m, i) -> i.put("do", "spin").put("iterations", Long.parseLong(m.group(1)))),
        EXHAUST("exhaust the stack with (\\d+)-byte frames", (m, i) -> i.put("do", "exhaust_stack").put("frame_bytes", Long.parseLong(m.group(1))));

        private final Pattern pattern;
        private final BiConsumer<Matcher, ObjectNode> fill;

        Form(String regex, BiConsumer<Matcher, ObjectNode> fill) {
            this.pattern = Pattern.compile(regex);
            this.fill = fill;
        }
    }

    private static final String FORMS = Arrays.stream(Form.values()).map(f -> f.pattern.pattern())
            .collect(Collectors.joining("\n  ", "\n  ", ""));

    private Program() {}

    /** The protocol's instruction list for {@code source}; a line that is not an instruction is an error naming it. */
    static ArrayNode parse(String source) {
        return instructions(IndentedLines.parse(source));
    }

    private static ArrayNode instructions(List<Line> lines) {
        ArrayNode instructions = Codec.JSON.createArrayNode();
        lines.forEach(line -> instructions.add(instruction(line)));
        return instructions;
    }

    private static ObjectNode instruction(Line line) {
        for (Form form : Form.values()) {
            Matcher m = form.pattern.matcher(line.text());
            if (!m.matches()) continue;
            ObjectNode instruction = Codec.JSON.createObjectNode();
            form.fill.accept(m, instruction);
            if (!line.children().isEmpty()) instruction.set("body", instructions(line.children()));
            return instruction;
        }
        throw line.error("is not an instruction; the instructions are:" + FORMS);
    }
}
