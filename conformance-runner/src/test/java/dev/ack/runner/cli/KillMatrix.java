package dev.ack.runner.cli;

import dev.ack.protocol.Area;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static dev.ack.runner.report.RuleMatrixPage.esc;

/**
 * The kill matrix: every changed implementation the build runs the suite against (a Python mutant, a
 * reference variant, a change the spec allows), by area, against each clause (or rule) it declared or
 * failed. It shows that each check catches what it claims, blamed on the right clause, and that the
 * suite fails nothing the spec allows. The end-to-end tests record a row per run before they judge it,
 * and write the page when they end: {@code target/kill-matrix.html} and its Markdown twin, with every
 * row recorded in this JVM so far.
 */
final class KillMatrix {
    static final Path PAGE = Path.of("target", "kill-matrix.html");
    static final Path MARKDOWN = Path.of("target", "kill-matrix.md");

    /** What was changed, and by whom. */
    enum Kind {
        PYTHON_MUTANT("Python mutant"), REFERENCE_VARIANT("reference variant"), ALLOWED_CHANGE("allowed change");

        final String label;

        Kind(String label) { this.label = label; }
    }

    /** What a run did to one clause (or rule) that its change declared or that the suite failed. */
    enum Mark {
        KILLED("✓", "killed: declared, and failed (or, for a crash, in error)"),
        REPORTED("!", "failed, but not declared: reported"),
        IN_ERROR("E", "ended in an error (a crash, a timeout, a protocol error) not declared"),
        SURVIVED("✗", "declared, but passed: survived");

        final String symbol;
        final String meaning;

        Mark(String symbol, String meaning) {
            this.symbol = symbol;
            this.meaning = meaning;
        }
    }

    /**
     * What one run of the kit found.
     *
     * @param failed  the rules it failed
     * @param inError the rules whose scenarios ended in an error
     * @param blamed  the clauses (or rules, where a step names no clause) its failed scenarios blamed
     */
    record Verdicts(Set<String> failed, Set<String> inError, Set<String> blamed) {
        static Verdicts of(KitRun run) { return new Verdicts(run.rules("failed"), run.rules("error"), run.blamed()); }
    }

    /**
     * One change's run.
     *
     * @param equivalent for a mutant that declares no failure, the spec text that allows it (else null)
     * @param declared   the clauses (or rules) it declared, to fail or to end in an error
     * @param marks      what the run did to each clause it declared or failed, in clause order
     */
    record Row(Area area, Kind kind, String name, String why, String equivalent, Set<String> declared, SortedMap<String, Mark> marks) {
        String outcome() {
            if (declared.isEmpty()) return !marks.isEmpty() ? "failed where the spec allows it" : equivalent != null ? "survived: equivalent" : "passed";
            long killed = marks.values().stream().filter(Mark.KILLED::equals).count();
            if (killed == declared.size()) return marks.size() > killed ? "killed; undeclared failures reported" : "killed";
            if (killed > 0) return "partly survived";
            return marks.containsValue(Mark.IN_ERROR) ? "ended in an error instead" : "survived";
        }
    }

    /** Clauses in spec order: by prefix, then rule number, then clause number (EQ-9 < EQ-19 < EQ-19.1 < EQ-20). */
    static final Comparator<String> CLAUSE_ORDER = Comparator.<String, String>comparing(c -> c.substring(0, c.indexOf('-')))
            .thenComparingInt(c -> number(c, 0)).thenComparingInt(c -> number(c, 1));

    private static final List<Row> ROWS = new ArrayList<>();

    private KillMatrix() {}

    /**
     * The row of a change that declared {@code fails} (clauses such as {@code EQ-34.1}, or rules) and
     * {@code errors} (rules), against what its run found. A failed rule counts as the clauses of it that
     * were blamed, or as itself where it was declared as a rule or no clause of it was blamed.
     */
    static Row row(Area area, Kind kind, String name, String why, String equivalent,
                   Collection<String> fails, Collection<String> errors, Verdicts found) {
        Set<String> failed = new TreeSet<>();
        for (String rule : found.failed()) {
            List<String> clauses = found.blamed().stream().filter(c -> c.startsWith(rule + ".")).toList();
            if (fails.contains(rule) || clauses.isEmpty()) failed.add(rule);
            else failed.addAll(clauses);
        }
        SortedMap<String, Mark> marks = new TreeMap<>(CLAUSE_ORDER);
        fails.forEach(clause -> { if (failed.contains(clause)) marks.put(clause, Mark.KILLED); });
        errors.forEach(rule -> { if (found.inError().contains(rule)) marks.put(rule, Mark.KILLED); });
        found.inError().forEach(rule -> marks.putIfAbsent(rule, Mark.IN_ERROR));
        failed.forEach(clause -> marks.putIfAbsent(clause, Mark.REPORTED));
        Set<String> declared = new TreeSet<>(fails);
        declared.addAll(errors);
        declared.forEach(clause -> marks.putIfAbsent(clause, Mark.SURVIVED));
        return new Row(area, kind, name, why, equivalent, declared, marks);
    }

    static synchronized void record(Row row) { ROWS.add(row); }

    /** Writes the page and its Markdown twin with every row recorded so far. */
    static synchronized void write() throws IOException {
        Files.createDirectories(PAGE.getParent());
        Files.writeString(PAGE, html(ROWS));
        Files.writeString(MARKDOWN, markdown(ROWS));
    }

    static String html(List<Row> rows) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Kill matrix</title><style>\
                body{font:14px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse}\
                td,th{border:1px solid #ddd;padding:.2em .4em;text-align:left}td.m{text-align:center}\
                .KILLED{color:#17813a}.REPORTED,.IN_ERROR{color:#b35c00;font-weight:bold}.SURVIVED{color:#c0262d;font-weight:bold}\
                </style></head><body><h1>Kill matrix</h1>
                """);
        html.append("<p>").append(esc(legend())).append("</p>\n");
        for (Section section : sections(rows)) {
            html.append("<h2>").append(esc(section.title())).append("</h2>\n<p>").append(esc(section.totals())).append("</p>\n<table><tr>");
            for (String heading : headings(section)) html.append("<th>").append(esc(heading)).append("</th>");
            html.append("</tr>\n");
            for (Row row : section.rows()) {
                html.append("<tr><td title=\"").append(esc(row.why())).append("\">").append(esc(row.name())).append("</td><td>")
                        .append(esc(row.kind().label)).append("</td><td")
                        .append(row.equivalent() == null ? "" : " title=\"" + esc(row.equivalent()) + "\"").append('>')
                        .append(esc(row.outcome())).append("</td>");
                for (String clause : section.columns()) {
                    Mark mark = row.marks().get(clause);
                    html.append(mark == null ? "<td></td>" : "<td class=\"m " + mark + "\" title=\"" + esc(mark.meaning) + "\">" + mark.symbol + "</td>");
                }
                html.append("</tr>\n");
            }
            html.append("</table>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    static String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder("# Kill matrix\n\n").append(legend()).append("\n");
        for (Section section : sections(rows)) {
            md.append("\n## ").append(section.title()).append("\n\n").append(section.totals()).append("\n\n");
            List<String> headings = headings(section);
            md.append("| ").append(String.join(" | ", headings)).append(" |\n|").append("---|".repeat(headings.size())).append('\n');
            for (Row row : section.rows()) {
                md.append("| ").append(row.name()).append(" | ").append(row.kind().label).append(" | ").append(row.outcome());
                for (String clause : section.columns()) {
                    Mark mark = row.marks().get(clause);
                    md.append(" | ").append(mark == null ? "" : mark.symbol);
                }
                md.append(" |\n");
            }
        }
        return md.toString();
    }

    /** One area's part of the page: its rows, and a column for every clause one of them marks. */
    private record Section(Area area, List<Row> rows, List<String> columns) {
        String title() { return "Chapter " + area.chapter() + ": " + area.wireName(); }

        String totals() {
            Map<Kind, Long> kinds = rows.stream().collect(Collectors.groupingBy(Row::kind, TreeMap::new, Collectors.counting()));
            Map<String, Long> outcomes = rows.stream().collect(Collectors.groupingBy(Row::outcome, TreeMap::new, Collectors.counting()));
            return kinds.entrySet().stream().map(k -> k.getValue() + " " + k.getKey().label + "s").collect(Collectors.joining(", "))
                    + ": " + outcomes.entrySet().stream().map(o -> o.getValue() + " " + o.getKey()).collect(Collectors.joining(", "));
        }
    }

    private static List<Section> sections(List<Row> rows) {
        Map<Area, List<Row>> byArea = rows.stream().collect(Collectors.groupingBy(Row::area, TreeMap::new, Collectors.toList()));
        return byArea.entrySet().stream().map(area -> new Section(area.getKey(),
                area.getValue().stream().sorted(Comparator.comparing(Row::kind).thenComparing(Row::name)).toList(),
                area.getValue().stream().flatMap(r -> r.marks().keySet().stream()).distinct().sorted(CLAUSE_ORDER).toList())).toList();
    }

    private static List<String> headings(Section section) {
        List<String> headings = new ArrayList<>(List.of("change", "kind", "outcome"));
        headings.addAll(section.columns());
        return headings;
    }

    private static String legend() {
        return Arrays.stream(Mark.values()).map(m -> m.symbol + " " + m.meaning).collect(Collectors.joining(" · "))
                + ". A clause stands for its rule where the rule has no numbered clauses or the change declared the rule.";
    }

    private static int number(String clause, int part) {
        String[] numbers = clause.substring(clause.indexOf('-') + 1).split("\\.");
        return part < numbers.length ? Integer.parseInt(numbers[part]) : -1;
    }
}
