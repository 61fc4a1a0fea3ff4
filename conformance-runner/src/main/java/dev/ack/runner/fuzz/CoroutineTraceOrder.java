package dev.ack.runner.fuzz;

import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.protocol.programs.CoroutineLeaf;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.runner.steps.coroutines.CoroutineTrace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order of a poll's trace that the spec fixes, and only that. A join_all MAY poll its children in any
 * order within a poll (spec/coroutines.md CO-09), and each child's poll is one unbroken stretch of the
 * trace; everything else happens in program order. So the trace is seen from each coroutine: its own
 * entries, and in their place one mark for each stretch of a child's (its descendants' included), with the
 * marks of the children of one join_all, side by side, put in name order. Two traces with the same views
 * differ only in an order the spec leaves free.
 */
final class CoroutineTraceOrder {
    /** Each child's parent. */
    private final Map<String, String> parent = new HashMap<>();
    /** Each child's waiter: its join_all, shared with its siblings there, or its own wait. */
    private final Map<String, String> waiter = new HashMap<>();
    private final Map<String, String> leafOwner = new HashMap<>();
    private final List<String> coroutines = new ArrayList<>();

    private record Mark(String text, String waiter) {}

    CoroutineTraceOrder(List<CoroutineInstruction> program) {
        walk(CoroutineCase.ROOT, program);
    }

    private void walk(String owner, List<CoroutineInstruction> program) {
        coroutines.add(owner);
        for (CoroutineInstruction instruction : program) {
            switch (instruction) {
                case CoroutineInstruction.Create create -> {
                    parent.put(create.name(), owner);
                    walk(create.name(), create.program());
                }
                case CoroutineInstruction.Wait wait when wait.child() != null -> waiter.put(wait.child(), "wait " + wait.child());
                case CoroutineInstruction.Wait wait when wait.leaf() instanceof CoroutineLeaf.Manual manual -> leafOwner.put(manual.name(), owner);
                case CoroutineInstruction.JoinAll join -> join.children().forEach(child -> waiter.put(child, "join " + join.children()));
                default -> { }
            }
        }
    }

    /** The trace as each coroutine sees it, a line per coroutine that saw anything. */
    List<String> views(List<CoroutineTraceEntry> trace) {
        List<String> views = new ArrayList<>();
        for (String coroutine : coroutines) {
            List<String> view = view(coroutine, trace).stream().map(Mark::text).toList();
            if (!view.isEmpty()) views.add(coroutine + ": " + String.join(" | ", view));
        }
        return views;
    }

    /** Whether the trace shows two children of one join_all, whose order is free. */
    boolean hasFreeOrder(List<CoroutineTraceEntry> trace) {
        for (String coroutine : coroutines) {
            List<Mark> view = view(coroutine, trace);
            for (int i = 1; i < view.size(); i++) {
                String shared = view.get(i).waiter();
                if (shared != null && shared.equals(view.get(i - 1).waiter())) return true;
            }
        }
        return false;
    }

    private List<Mark> view(String coroutine, List<CoroutineTraceEntry> trace) {
        List<Mark> marks = new ArrayList<>();
        for (CoroutineTraceEntry entry : trace) {
            String owner = owner(entry);
            if (owner.equals(coroutine)) {
                marks.add(new Mark(CoroutineTrace.render(entry), null));
                continue;
            }
            String child = childOn(coroutine, owner);
            if (child == null) continue;
            Mark mark = new Mark("child " + child, waiter.get(child));
            if (marks.isEmpty() || !marks.getLast().equals(mark)) marks.add(mark);
        }
        return inNameOrderWithinAJoin(marks);
    }

    /** The child of {@code coroutine} that {@code owner} is, or descends from; null when it is none of its. */
    private String childOn(String coroutine, String owner) {
        String child = owner;
        while (child != null && !coroutine.equals(parent.get(child))) child = parent.get(child);
        return child;
    }

    private static List<Mark> inNameOrderWithinAJoin(List<Mark> marks) {
        List<Mark> ordered = new ArrayList<>();
        int start = 0;
        while (start < marks.size()) {
            int end = start + 1;
            String shared = marks.get(start).waiter();
            while (shared != null && end < marks.size() && shared.equals(marks.get(end).waiter())) end++;
            marks.subList(start, end).stream().sorted(java.util.Comparator.comparing(Mark::text)).forEach(ordered::add);
            start = end;
        }
        return ordered;
    }

    /** Whose entry it is: a log's text begins with its coroutine's name (CoroutineRules), a leaf is its waiter's. */
    private String owner(CoroutineTraceEntry entry) {
        return switch (entry) {
            case CoroutineTraceEntry.Log log -> log.text().split(" ", 2)[0];
            case CoroutineTraceEntry.LeafStarted started -> leafOwner.getOrDefault(started.leaf(), CoroutineCase.ROOT);
            case CoroutineTraceEntry.LeafPolled polled -> leafOwner.getOrDefault(polled.leaf(), CoroutineCase.ROOT);
            default -> CoroutineCase.ROOT;
        };
    }
}
