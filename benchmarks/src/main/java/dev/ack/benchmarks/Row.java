package dev.ack.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of the table: a subject measured next to its peer in the same rounds, and their ratio
 * (subject ÷ peer) taken round by round, so that a slow round slows both. The table shows the medians
 * over the rounds and the ratios' spread (min–max).
 *
 * @param benchmark what was measured, and its unit
 * @param subject the name of what is judged (usually the reference)
 * @param subjectSample the name of its figures in the {@link Samples}
 * @param peer the name of what it is compared with
 * @param peerSample the name of the peer's figures
 * @param target the goal, as text, or "" when there is none
 */
record Row(String benchmark, String subject, String subjectSample, String peer, String peerSample, String target) {
    /** The table's header, in Markdown. */
    static String header() {
        return "| benchmark | subject | median | peer | median | ratio, median (min–max) | rounds | target |\n"
                + "|---|---|---|---|---|---|---|---|\n";
    }

    /** This row in Markdown, from the rounds' samples; rounds that measured only one side are left out of the ratio. */
    String render(Samples samples) {
        List<Double> subjects = samples.of(subjectSample);
        List<Double> peers = samples.of(peerSample);
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < Math.min(subjects.size(), peers.size()); round++) {
            ratios.add(subjects.get(round) / peers.get(round));
        }
        String ratio = ratios.isEmpty() ? "–" : String.format(Locale.ROOT, "**%.2f** (%.2f–%.2f)",
                median(ratios), ratios.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                ratios.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %d | %s |%n", benchmark, subject,
                figure(subjects), peer, figure(peers), ratio, ratios.size(), target);
    }

    private static String figure(List<Double> values) {
        if (values.isEmpty()) return "not measured";
        double median = median(values);
        return String.format(Locale.ROOT, median >= 100 ? "%,.0f" : "%.2f", median);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
