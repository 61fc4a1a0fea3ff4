package dev.ack.runner.steps.coroutines;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.runner.steps.IndentedLines;
import dev.ack.runner.steps.IndentedLines.Line;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
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
 * return "done {x}"
 * </pre>
 */
public final class Program {
    private static final String INTO = "(?: into (\\w+))?";
    private static final Pattern CHILD_BLOCK = Pattern.compile("(create|spawn) child (\\w+):");
    private static final Pattern HTTP = Pattern.compile("wait for http \"(/(\\d+)/[^\"]*)\"" + INTO);

    private final ArrayNode json;
    private final List<Long> httpDelays;

    private Program(ArrayNode json, List<Long> httpDelays) {
        this.json = json;
        this.httpDelays = httpDelays;
    }

    /** The instructions, as {@code co.create} and {@code wk.block_on} take them. */
    public ArrayNode json() { return json; }

    /** The delay of every http leaf in the program and its children, in the order written. */
    public List<Long> httpDelays() { return httpDelays; }

    /** Translates {@code text}; {@code httpPort} is asked for the delay server's port when an http leaf needs it. */
    public static Program parse(String text, IntSupplier httpPort) {
        List<Long> delays = new ArrayList<>();
        ArrayNode json = new Parser(httpPort, delays).block(IndentedLines.parse(text));
        return new Program(json, List.copyOf(delays));
    }

    private static final class Parser {
        private final IntSupplier httpPort;
        private final List<Long> delays;

        Parser(IntSupplier httpPort, List<Long> delays) {
            this.httpPort = httpPort;
            this.delays = delays;
        }

        /** The instructions of {@code lines}; a child block becomes its {@code create} (and {@code spawn}). */
        ArrayNode block(List<Line> lines) {
            ArrayNode block = Codec.JSON.createArrayNode();
            for (Line line : lines) {
                Matcher child = CHILD_BLOCK.matcher(line.text());
                if (child.matches()) {
                    childBlock(child.group(1), child.group(2), line.children(), block);
                } else {
                    block.add(instruction(line));
                }
            }
            return block;
        }

        private void childBlock(String verb, String name, List<Line> program, ArrayNode into) {
            into.add(op("create").put("name", name).set("program", block(program)));
            if (verb.equals("spawn")) into.add(op("spawn").put("child", name));
        }

        private ObjectNode instruction(Line line) {
            Matcher http = HTTP.matcher(line.text());
            if (http.matches()) {
                delays.add(Long.parseLong(http.group(2)));
                ObjectNode leaf = Codec.JSON.createObjectNode().put("kind", "http")
                        .put("port", httpPort.getAsInt()).put("path", http.group(1));
                return into(op("wait").set("leaf", leaf), http.group(3));
            }
            for (Form form : FORMS) {
                Matcher m = form.pattern().matcher(line.text());
                if (m.matches()) return form.build().apply(m, op(form.op()));
            }
            throw line.error("is not a program instruction");
        }
    }

    /** One way to write an instruction: its pattern, its {@code do}, and how the groups become its fields. */
    private record Form(Pattern pattern, String op, BiFunction<Matcher, ObjectNode, ObjectNode> build) {
        Form(String regex, String op, BiFunction<Matcher, ObjectNode, ObjectNode> build) {
            this(Pattern.compile(regex), op, build);
        }
    }

    private static final List<Form> FORMS = List.of(
            new Form("log \"(.*)\"", "log", (m, i) -> i.put("text", m.group(1))),
            new Form("set (\\w+) to \"(.*)\"", "set", (m, i) -> i.put("var", m.group(1)).put("value", m.group(2))),
            new Form("wait for leaf (\\w+)" + INTO, "wait", (m, i) -> into(i.set("leaf",
                    Codec.JSON.createObjectNode().put("kind", "manual").put("name", m.group(1))), m.group(2))),
            new Form("wait for child (\\w+)" + INTO, "wait", (m, i) -> into(i.put("child", m.group(1)), m.group(2))),
            new Form("join all(?: (\\w+(?:(?:, | and )\\w+)*))?" + INTO, "join_all", (m, i) -> {
                ArrayNode children = i.putArray("children");
                if (m.group(1) != null) Arrays.stream(m.group(1).split(", | and ")).forEach(children::add);
                return into(i, m.group(2));
            }),
            new Form("spawn (\\w+)", "spawn", (m, i) -> i.put("child", m.group(1))),
            new Form("poll (\\w+) once, detached", "poll_detached", (m, i) -> i.put("child", m.group(1))),
            new Form("keep the waker as (\\w+)", "keep_waker", (m, i) -> i.put("name", m.group(1))),
            new Form("return \"(.*)\"", "return", (m, i) -> i.put("value", m.group(1))));

    private static ObjectNode op(String name) {
        return Codec.JSON.createObjectNode().put("do", name);
    }

    private static ObjectNode into(ObjectNode instruction, String var) {
        return var == null ? instruction : instruction.put("into", var);
    }
}
