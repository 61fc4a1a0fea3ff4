package dev.ack.runner.suite;

import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.LauncherDiscoveryListener;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what went wrong while Cucumber read the feature files (a syntax error, a file it could
 * not open), so a broken feature file is a clear error instead of silently fewer scenarios.
 */
final class DiscoveryProblems implements LauncherDiscoveryListener {
    private final List<String> problems = new ArrayList<>();

    @Override
    public synchronized void issueEncountered(UniqueId engineId, DiscoveryIssue issue) {
        if (issue.severity().compareTo(DiscoveryIssue.Severity.WARNING) < 0) return;
        String cause = issue.cause().map(t -> "\n    cause: " + t).orElse("");
        problems.add(issue.message() + issue.source().map(s -> " (" + s + ")").orElse("") + cause);
    }

    synchronized List<String> problems() { return List.copyOf(problems); }
}
