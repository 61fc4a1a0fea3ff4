package dev.ack.runner.steps.fibers;

import dev.ack.protocol.ErrorKind;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the last run's trace must show: all of it, its log lines, or one kind of entry. */
public class TraceSteps {
    /** Longer listings show only the lines around the first difference (the scale scenario has 20,000). */
    private static final int FULL_LISTING = 60;
    private static final int CONTEXT = 3;

    private final FibersWorld world;

    public TraceSteps(FibersWorld world) {
        this.world = world;
    }

    /** Columns fiber, event, detail; an empty detail (a finished fiber) is an empty cell. */
    @Then("the trace is:")
    public void theTraceIs(DataTable table) {
        List<String> expected = table.asMaps().stream().map(TraceSteps::entry).map(FiberTraceLine::toString).toList();
        assertLines("trace entries", expected, entries(e -> true));
    }

    private static FiberTraceLine entry(Map<String, String> row) {
        return new FiberTraceLine(Long.parseLong(row.get("fiber")), row.get("event"), Objects.requireNonNullElse(row.get("detail"), ""));
    }

    @Then("the fibers logged these lines, in this order:")
    public void theFibersLogged(String lines) {
        List<String> logged = world.trace().stream().filter(e -> e.event().equals("log")).map(FiberTraceLine::detail).toList();
        assertLines("log lines", lines.lines().toList(), logged);
    }

    @Then("the base context spawned fibers {int} to {int}, in that order")
    public void theBaseContextSpawned(int first, int last) {
        assertLines("spawn entries", range(first, last, id -> new FiberTraceLine(0, "spawned", Long.toString(id))),
                entries(e -> e.event().equals("spawned")));
    }

    @Then("fibers {int} to {int} finished, in that order")
    public void fibersFinished(int first, int last) {
        assertLines("finished entries", range(first, last, id -> new FiberTraceLine(id, "finished", "")),
                entries(e -> e.event().equals("finished")));
    }

    @Then("only fiber {int} failed, with {errorKind}")
    public void onlyFiberFailed(int fiber, ErrorKind kind) {
        assertLines("error entries", List.of(new FiberTraceLine(fiber, "error", kind.name()).toString()),
                entries(e -> e.event().equals("error")));
    }

    @Then("no check failed and no instruction failed")
    public void nothingFailed() {
        assertLines("check and error entries", List.of(), entries(e -> e.event().equals("check") || e.event().equals("error")));
    }

    @Then("the trace has {int} entries")
    public void theTraceHasEntries(int count) {
        assertThat(world.trace().size())
                .withFailMessage("expected the trace to have %d entries, it has %d", count, world.trace().size())
                .isEqualTo(count);
    }

    private List<String> entries(Predicate<FiberTraceLine> which) {
        return world.trace().stream().filter(which).map(FiberTraceLine::toString).toList();
    }

    private static List<String> range(int first, int last, LongFunction<FiberTraceLine> entry) {
        return LongStream.rangeClosed(first, last).mapToObj(entry).map(FiberTraceLine::toString).toList();
    }

    /** Fails unless the lines are equal; the message puts expected and actual side by side, marking the differences. */
    private static void assertLines(String what, List<String> expected, List<String> actual) {
        if (expected.equals(actual)) return;
        int rows = Math.max(expected.size(), actual.size());
        int first = 0;
        while (first < rows && Objects.equals(line(expected, first), line(actual, first))) first++;
        int from = rows <= FULL_LISTING ? 0 : Math.max(0, first - CONTEXT);
        int to = rows <= FULL_LISTING ? rows : Math.min(rows, first + CONTEXT + 1);
        int width = Math.max("expected".length(),
                expected.subList(Math.min(from, expected.size()), Math.min(to, expected.size())).stream().mapToInt(String::length).max().orElse(0));
        StringBuilder message = new StringBuilder(String.format("expected %d %s, got %d; the first difference is at line %d:%n",
                expected.size(), what, actual.size(), first + 1));
        message.append(String.format("  %5s  %-" + width + "s | %s%n", "", "expected", "actual"));
        if (from > 0) message.append("  ...\n");
        for (int i = from; i < to; i++) {
            String e = line(expected, i);
            String a = line(actual, i);
            message.append(String.format("%s %5d  %-" + width + "s | %s%n", Objects.equals(e, a) ? " " : ">", i + 1,
                    e == null ? "" : e, a == null ? "" : a));
        }
        if (to < rows) message.append("  ...\n");
        throw new AssertionError(message.toString());
    }

    private static String line(List<String> lines, int i) {
        return i < lines.size() ? lines.get(i) : null;
    }
}
