package dev.ack.runner.report;

import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands on what each scenario's end produced (its console lines, its result) in the order the scenarios
 * were discovered, whatever order they finish in: scenarios that run side by side ({@code --jobs}) print
 * as a serial run does, each one whole. A scenario that finished waits for those before it; the end of
 * the launch lets out whatever still waits. Not thread-safe: its owner guards it.
 */
final class PlanOrder {
    private final List<String> order = new ArrayList<>();
    private final Map<String, Runnable> finished = new HashMap<>();
    private int next;

    /** A launch begins: its tests, depth first, as the plan lists them. */
    void plan(TestPlan plan) {
        order.clear();
        finished.clear();
        next = 0;
        plan.getRoots().forEach(root -> addTests(plan, root));
    }

    private void addTests(TestPlan plan, TestIdentifier node) {
        if (node.isTest()) order.add(node.getUniqueId());
        plan.getChildren(node).forEach(child -> addTests(plan, child));
    }

    /** The test {@code id} is over: {@code release} runs once every test before it is over too. */
    void finished(String id, Runnable release) {
        if (!order.contains(id)) {
            release.run();
            return;
        }
        finished.put(id, release);
        while (next < order.size() && finished.containsKey(order.get(next))) {
            finished.remove(order.get(next++)).run();
        }
    }

    /** The tests under {@code id} will not run (a selection left them out): nothing waits for them. */
    void skipped(TestPlan plan, TestIdentifier id) {
        if (id.isTest()) finished(id.getUniqueId(), () -> {});
        plan.getDescendants(id).stream().filter(TestIdentifier::isTest).forEach(test -> finished(test.getUniqueId(), () -> {}));
    }

    /** The launch is over: whatever still waits (a test that never ended) is let out, in order. */
    void flush() {
        for (String id : order.subList(next, order.size())) {
            Runnable release = finished.remove(id);
            if (release != null) release.run();
        }
        next = order.size();
    }
}
