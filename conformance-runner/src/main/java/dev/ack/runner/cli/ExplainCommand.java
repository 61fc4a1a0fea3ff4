package dev.ack.runner.cli;

import dev.ack.runner.spec.Rule;
import dev.ack.runner.spec.SpecIndex;
import dev.ack.runner.suite.FeatureSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code kit explain EQ-03}: a rule's text, intent, hint and origin, for a student reading a failure. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Prints a rule of the spec: its text, why it exists, what to check when it fails, and its scenarios.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RULE", description = "A rule ID such as EQ-03.")
    String ruleId;

    @Override
    public Integer call() {
        SpecIndex spec = SpecIndex.bundled();
        Rule rule = spec.rule(ruleId.toUpperCase()).orElseThrow(() -> new CommandLine.ParameterException(
                new CommandLine(this), "no rule " + ruleId + "; rules are named like EQ-03 (see spec/*.md)"));
        System.out.println(rule.id() + " " + rule.title());
        System.out.println(rule.level() + " · chapter " + rule.chapter() + " · source: " + rule.source() + " · " + rule.specFile());
        System.out.println();
        System.out.println(rule.text());
        System.out.println();
        System.out.println("Intent: " + rule.intent());
        System.out.println("If this fails, check: " + rule.hint());
        rule.untestedReason().ifPresent(r -> System.out.println("Untested: " + r));
        System.out.println();
        System.out.println("Scenarios (run just these with --tags @" + rule.id() + "):");
        FeatureSet.bundled().index().scenarios().stream()
                .filter(s -> s.rules().contains(rule.id()))
                .map(s -> "  " + s.uri() + ":" + s.line() + "  " + s.name())
                .distinct()
                .forEach(System.out::println);
        return 0;
    }
}
