package dev.ack.runner.cli;

import dev.ack.runner.spec.FeatureIndex;
import dev.ack.runner.spec.Rule;
import dev.ack.runner.spec.ScenarioIds;
import dev.ack.runner.spec.ScenarioInfo;
import dev.ack.runner.spec.SpecIndex;
import dev.ack.runner.spec.Tags;
import dev.ack.runner.suite.FeatureSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kit explain EQ-03}: a rule's text, intent, hint and origin, for a student reading a failure;
 * {@code kit explain eq.token-comes-back-exactly}: a scenario and the rules it checks. A protocol rule
 * ({@code PR-06}) is found by its former name ({@code P-1}) too. A scenario's
 * former ID (an alias) is explained as the scenario it stands for, and said to be an alias.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Prints a rule of the spec (its text, why it exists, what to check when it fails, and its scenarios), "
                + "or a scenario, by its ID, and the rules it checks.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "A rule ID such as EQ-03, or a scenario ID such as eq.token-comes-back-exactly.")
    String id;

    @Override
    public Integer call() throws IOException {
        SpecIndex spec = SpecIndex.bundled();
        FeatureIndex features;
        try (FeatureSet bundled = FeatureSet.bundled()) {
            features = bundled.index();
        }
        if (Tags.isRuleId(id.toUpperCase()) || spec.rule(id.toUpperCase()).isPresent()) {
            Rule rule = spec.rule(id.toUpperCase()).orElseThrow(() -> new CommandLine.ParameterException(
                    new CommandLine(this), "no rule " + id + "; rules are named like EQ-03 or PR-06 (see spec/*.md)"));
            explain(rule, features);
            return 0;
        }
        ScenarioIds ids = ScenarioIds.of(features);
        String scenarioId = ids.idFor(id).orElse(id);
        if (!scenarioId.equals(id)) System.out.println(ScenarioIds.note(id, scenarioId));
        List<ScenarioInfo> scenarios = features.scenarios().stream().filter(s -> Tags.ids(s.tags()).contains(scenarioId)).toList();
        if (scenarios.isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "no rule or scenario " + id
                    + "; rules are named like EQ-03, scenarios like eq.token-comes-back-exactly (their @id: tags)");
        }
        ScenarioInfo scenario = scenarios.getFirst();
        System.out.println("Scenario " + scenarioId + ": " + scenario.name());
        System.out.println("  " + scenario.uri() + ":" + scenario.line() + "  (run just it with --tags @id:" + scenarioId + ")");
        Tags.aliases(scenario.tags()).forEach(alias -> System.out.println("  also known as " + alias));
        for (String ruleId : scenario.rules()) {
            System.out.println();
            spec.rule(ruleId).ifPresent(rule -> explain(rule, features));
        }
        return 0;
    }

    private static void explain(Rule rule, FeatureIndex features) {
        System.out.println(rule.id() + " " + rule.title() + rule.formerly().map(former -> " (formerly " + former + ")").orElse(""));
        if (rule.protocol()) {
            System.out.println(rule.level() + " · the adapter protocol · " + rule.source());
        } else {
            String origin = rule.beyondTheBook() ? "beyond the book: " : "the book: ";
            System.out.println(rule.level() + " · chapter " + rule.chapter() + " · " + origin + rule.source() + " · " + rule.specFile());
        }
        System.out.println();
        System.out.println(rule.text());
        System.out.println();
        System.out.println("Intent: " + rule.intent());
        System.out.println("If this fails, check: " + rule.hint());
        rule.untestedReason().ifPresent(r -> System.out.println("Untested: " + r));
        rule.bookNote().ifPresent(n -> System.out.println("The book's code and this rule: " + n));
        if (!rule.doctorChecks().isEmpty()) {
            System.out.println("Checked by the doctor (the adapter check before the scenarios): " + String.join(", ", rule.doctorChecks()));
        }
        System.out.println();
        System.out.println("Scenarios (run just these with --tags @" + rule.id() + "):");
        features.scenarios().stream()
                .filter(s -> s.rules().contains(rule.id()))
                .map(s -> "  " + s.uri() + ":" + s.line() + "  " + s.name())
                .distinct()
                .forEach(System.out::println);
    }
}
