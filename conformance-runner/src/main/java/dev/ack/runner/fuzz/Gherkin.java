package dev.ack.runner.fuzz;

import java.util.List;

/** The pieces of a scenario's text: doc strings and tables, indented as the feature files are. */
final class Gherkin {
    private static final String STEP_ARGUMENT = "      ";

    private Gherkin() {}

    /**
     * A scenario's first two lines, its tags ({@code @id:<id>} first) and its title, to append its steps to.
     *
     * @param tags further tags, each with its {@code @}
     */
    static StringBuilder heading(String id, List<String> tags, String title) {
        StringBuilder text = new StringBuilder("  @id:").append(id);
        tags.forEach(tag -> text.append(' ').append(tag));
        return text.append("\n  Scenario: ").append(title).append('\n');
    }

    /** A doc string under a step; {@code content} is lines ending in a newline, or nothing. */
    static void docString(StringBuilder text, String content) {
        text.append(STEP_ARGUMENT).append("\"\"\"\n");
        content.lines().forEach(line -> text.append(STEP_ARGUMENT).append(line).append('\n'));
        text.append(STEP_ARGUMENT).append("\"\"\"\n");
    }

    /** A table under a step, its columns lined up. */
    static void table(StringBuilder text, List<String> header, List<List<String>> rows) {
        int[] widths = header.stream().mapToInt(String::length).toArray();
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], row.get(i).length());
        }
        row(text, header, widths);
        rows.forEach(row -> row(text, row, widths));
    }

    private static void row(StringBuilder text, List<String> cells, int[] widths) {
        text.append(STEP_ARGUMENT).append('|');
        for (int i = 0; i < widths.length; i++) text.append(' ').append(String.format("%-" + widths[i] + "s", cells.get(i))).append(" |");
        text.append('\n');
    }
}
