package dev.ack.runner.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The layout shared by the programs the features write in docstrings (protocol.md §6 and §7): one
 * instruction a line, and a line ending in {@code :} opens a block made of the lines indented below it.
 * This class knows only that layout; {@code FiberProgram} and {@code CoroutineProgram} give the lines
 * their meaning. Keeping the layout in one place means every program language indents, and reports bad
 * indentation, alike.
 */
public final class IndentedLines {

    /** A line of a program: its number in the docstring (from 1), its text without indentation, and its block. */
    public record Line(int number, String text, List<Line> children) {

        /** An error about this line that names it, so that the feature's author finds it at once. */
        public IllegalArgumentException error(String problem) {
            return new IllegalArgumentException("program line " + number + ", `" + text + "`, " + problem);
        }
    }

    private record Raw(int number, int indent, String text) {
        Line with(List<Line> children) { return new Line(number, text, children); }
    }

    private final List<Raw> lines;
    private int next;

    private IndentedLines(String source) {
        List<String> raw = source.lines().toList();
        this.lines = IntStream.range(0, raw.size())
                .filter(n -> !raw.get(n).isBlank())
                .mapToObj(n -> new Raw(n + 1, raw.get(n).length() - raw.get(n).stripLeading().length(), raw.get(n).strip()))
                .toList();
    }

    /**
     * The top-level lines of {@code source}, each with its block; blank lines are skipped. The first line sets
     * the program's indentation, so a docstring may be indented as a whole.
     */
    public static List<Line> parse(String source) {
        IndentedLines reader = new IndentedLines(source);
        if (reader.lines.isEmpty()) return List.of();
        List<Line> program = reader.block(reader.lines.getFirst().indent());
        if (reader.next < reader.lines.size()) {
            throw error(reader.lines.get(reader.next), "is indented less than the program's first line");
        }
        return program;
    }

    /** Reads the lines at exactly {@code indent}, each with its block, up to the first line indented less. */
    private List<Line> block(int indent) {
        List<Line> block = new ArrayList<>();
        while (next < lines.size() && lines.get(next).indent() >= indent) {
            Raw line = lines.get(next++);
            if (line.indent() > indent) throw error(line, "does not line up with the lines before it"
                    + " (only a line ending in `:` opens an indented block)");
            block.add(line.with(line.text().endsWith(":") ? body(line) : List.of()));
        }
        return List.copyOf(block);
    }

    /** The block {@code header} opens: required, since a {@code :} with nothing below it is a slip, not an empty block. */
    private List<Line> body(Raw header) {
        if (next == lines.size() || lines.get(next).indent() <= header.indent()) {
            throw error(header, "opens a block, but no lines are indented below it");
        }
        return block(lines.get(next).indent());
    }

    private static IllegalArgumentException error(Raw line, String problem) {
        return line.with(List.of()).error(problem);
    }
}
