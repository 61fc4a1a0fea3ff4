package dev.ack.runner.spec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gate between spec and features: every rule is checked by a scenario or says why it cannot be,
 * and every rule a scenario names exists. Run by the build, so the two cannot drift apart.
 */
public final class Traceability {
    private Traceability() {}

    /** The problems found; empty when spec and features agree. */
    public static List<String> check(SpecIndex spec, FeatureIndex features) {
        List<String> problems = new ArrayList<>(features.parseErrors());
        Set<String> checked = features.scenarios().stream().flatMap(s -> s.rules().stream()).collect(Collectors.toSet());
        for (Rule rule : spec.rules()) {
            if (rule.untested() && checked.contains(rule.id())) {
                problems.add(rule.id() + " is marked untested in " + rule.specFile() + " but scenarios check it: remove **Untested:**");
            } else if (!rule.untested() && !checked.contains(rule.id())) {
                problems.add(rule.id() + " (" + rule.specFile() + ") has no scenario and no **Untested:** reason");
            }
        }
        Set<String> seenIds = new HashSet<>();
        for (ScenarioInfo scenario : features.scenarios()) {
            String where = scenario.uri() + ":" + scenario.line() + " \"" + scenario.name() + "\"";
            List<String> ids = Tags.ids(scenario.tags());
            if (ids.size() != 1 || !Tags.isScenarioId(ids.getFirst())) {
                problems.add(where + " needs exactly one stable ID tag like @id:eq.token-round-trip, has " + ids);
            } else if (!seenIds.add(ids.getFirst()) && !scenario.outlineRow()) {
                problems.add(where + " reuses the ID " + ids.getFirst() + "; scenario IDs are unique and never change");
            }
            if (scenario.rules().isEmpty()) {
                problems.add(scenario.uri() + ":" + scenario.line() + " \"" + scenario.name() + "\" names no rule (tag it @XX-nn)");
            }
            for (String id : scenario.rules()) {
                if (spec.rule(id).isEmpty()) {
                    problems.add(scenario.uri() + ":" + scenario.line() + " \"" + scenario.name() + "\" names " + id + ", which no spec file defines");
                }
            }
            if (Tags.area(scenario.tags()).isEmpty()) {
                problems.add(scenario.uri() + ":" + scenario.line() + " \"" + scenario.name() + "\" has no @area: tag");
            }
            if (Tags.chapter(scenario.tags()).isEmpty()) {
                problems.add(scenario.uri() + ":" + scenario.line() + " \"" + scenario.name() + "\" has no chapter tag (@ch4, ...)");
            }
        }
        return problems;
    }
}
