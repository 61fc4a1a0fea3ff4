package dev.ack.runner.report;

import dev.ack.protocol.Area;
import dev.ack.runner.adapter.Handshake;
import dev.ack.runner.adapter.SuiteVersion;
import dev.ack.runner.doctor.Check;
import dev.ack.runner.doctor.Diagnosis;
import dev.ack.runner.spec.Rule;
import dev.ack.runner.spec.SpecIndex;
import dev.ack.runner.verdict.Verdict;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rule matrix as a page a student or teacher reads: every rule of every area, by chapter, with
 * its verdict, the scenarios that check it, and (as the feedback setting allows) the rule's text,
 * hint and failure messages. Self-contained, no scripts; everything that came from the adapter or
 * the features is escaped.
 */
public final class RuleMatrixPage {
    public static final String FILE = "rule-matrix.html";

    private RuleMatrixPage() {}

    public static void write(Path file, SpecIndex spec, List<ScenarioResult> results, Map<String, String> verdicts,
                             Feedback feedback, String adapterCommand, Optional<Handshake> handshake,
                             Optional<Diagnosis> diagnosis, Instant finished) throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Rule matrix</title><style>")
                .append("body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;width:100%}")
                .append("td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}")
                .append("td:first-child{white-space:nowrap}.v{font-weight:bold;white-space:nowrap}.passed{color:#17813a}.failed{color:#c0262d}")
                .append(".error,.blocked,.inconclusive{color:#b35c00}.untested,.not-run,.skipped,.not-claimed,.locked{color:#777}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}")
                .append("</style></head><body>");
        html.append("<h1>Rule matrix</h1><p>Async Conformance Kit ").append(esc(SuiteVersion.VALUE))
                .append(" · run finished ").append(esc(finished.toString())).append("<br>adapter: <code>")
                .append(esc(adapterCommand)).append("</code>");
        handshake.ifPresent(h -> html.append("<br>handshake: ").append(esc(h.toString())));
        html.append("</p><p>");
        for (String verdict : List.of("passed", "failed", "error", "blocked", "inconclusive", "not claimed", "locked", "skipped", "untested", "not run")) {
            long n = verdicts.values().stream().filter(verdict::equals).count();
            if (n > 0) html.append("<span class=\"v ").append(verdict.replace(' ', '-')).append("\">").append(n).append(' ')
                    .append(verdict).append("</span> &nbsp; ");
        }
        html.append("rules</p>");
        diagnosis.filter(d -> !d.healthy()).ifPresent(d -> {
            html.append("<h2>Harness problems</h2><p>The adapter failed these checks; they are not rule failures.</p><ul>");
            for (Check c : d.checks()) {
                if (!c.ok()) html.append("<li><b>").append(esc(c.name())).append("</b> (").append(esc(c.rule())).append("): <pre>").append(esc(c.detail()))
                        .append("</pre>").append(esc(c.hint())).append("</li>");
            }
            html.append("</ul>");
        });
        Map<Area, BookSummary> summaries = BookSummary.of(spec, verdicts).stream()
                .collect(Collectors.toMap(BookSummary::area, s -> s));
        List<Rule> protocolRules = spec.protocolRules();
        if (!protocolRules.isEmpty()) {
            html.append("<h2>Protocol</h2><p>The adapter protocol's own rules (spec/protocol.md), checked by the doctor and by the "
                    + "scenarios of features/protocol/, whatever the adapter claims.</p>");
            table(html, protocolRules, results, verdicts, feedback);
        }
        for (Area area : Area.values()) {
            List<Rule> rules = spec.rulesOf(area);
            if (rules.isEmpty()) continue;
            html.append("<h2>Chapter ").append(area.chapter()).append(": ").append(esc(area.wireName())).append("</h2>");
            BookSummary summary = summaries.get(area);
            html.append("<p>").append(esc(summary.bookLine())).append("<br>").append(esc(summary.beyondLine())).append("</p>");
            table(html, rules, results, verdicts, feedback);
        }
        html.append("<p>The protocol transcript and the adapter's stderr of every scenario are attached in cucumber.html and the Allure report.</p>");
        html.append("</body></html>\n");
        AtomicFile.write(file, html.toString());
    }

    /** A table of rules: each with its verdict, level, text (with hints when the feedback shows them) and its scenarios' verdicts. */
    private static void table(StringBuilder html, List<Rule> rules, List<ScenarioResult> results, Map<String, String> verdicts,
                              Feedback feedback) {
        html.append("<table><tr><th>rule</th><th>verdict</th><th>level</th><th>what it says</th><th>scenarios</th></tr>");
        for (Rule rule : rules) {
            String verdict = verdicts.getOrDefault(rule.id(), "not run");
            html.append("<tr><td><b>").append(esc(rule.id())).append("</b></td><td class=\"v ")
                    .append(verdict.replace(' ', '-')).append("\">").append(esc(verdict)).append("</td><td>")
                    .append(esc(rule.level())).append("</td><td>").append(esc(rule.title()));
            if (rule.beyondTheBook()) {
                html.append(" <i>(beyond the book: ").append(esc(String.join(", ", rule.capabilities()))).append(")</i>");
            }
            if (feedback.showsHint()) {
                html.append("<details><summary>rule, intent, hint</summary><pre>").append(esc(rule.text())).append("</pre><p><i>Intent:</i> ")
                        .append(esc(rule.intent())).append("</p><p><i>If this fails, check:</i> ").append(esc(rule.hint())).append("</p>");
                rule.untestedReason().ifPresent(r -> html.append("<p><i>Untested:</i> ").append(esc(r)).append("</p>"));
                html.append("</details>");
            }
            html.append("</td><td>");
            if (!rule.doctorChecks().isEmpty()) {
                html.append("<div>the doctor's ").append(esc(String.join(", ", rule.doctorChecks()))).append(" check</div>");
            }
            for (ScenarioResult r : results) {
                if (!r.rules().contains(rule.id())) continue;
                String v = r.verdict().wireName();
                html.append("<div><span class=\"v ").append(v).append("\">").append(esc(r.verdict().label().strip()))
                        .append("</span> ").append(esc(r.name()));
                r.step().ifPresent(step -> html.append("<br><small>").append(r.verdict() == Verdict.FAILED ? "failed at " : "stopped at ")
                        .append(esc(step.describe())).append(r.verdict() == Verdict.FAILED ? ", checking " + esc(String.join(", ", r.blamedClauses())) : "")
                        .append("</small>"));
                r.retryNote(feedback).ifPresent(note -> html.append("<br><small>").append(esc(note)).append("</small>"));
                String said = feedback.showsDetails() ? r.message() : feedback.showsHint() ? r.cause() : "";
                if (!said.isBlank()) {
                    html.append("<details><summary>details</summary><pre>").append(esc(said)).append("</pre></details>");
                }
                html.append("</div>");
            }
            html.append("</td></tr>");
        }
        html.append("</table>");
    }

    /** HTML-escapes text from the adapter, the spec or the features (and the kit's own pages in its tests). */
    public static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
