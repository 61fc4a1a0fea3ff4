package dev.ack.runner.spec;

import dev.ack.protocol.Area;
import dev.ack.protocol.Capability;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gate between spec and features, run by the build so the two cannot drift apart: every rule is
 * checked by a scenario or says why it cannot be (a rule with numbered clauses, clause by clause:
 * {@link ClauseCoverage}), and every rule a scenario names exists; every
 * scenario has one stable ID, its old IDs are aliases no other scenario uses; and everything that says
 * which area a rule or scenario belongs to agrees with {@link Area}, the one declaration of an area:
 * the spec page's name and each rule's chapter, a scenario's folder, {@code @area:} and {@code @chN}
 * tags, its rules' prefix and its ID's prefix. A scenario requires ({@code @requires:}), or needs left
 * unclaimed ({@code @unclaimed:}), only capabilities the protocol has;
 * a scenario of a rule beyond the book requires that rule's capabilities, and a scenario of a rule the
 * book's code follows requires none of the capabilities that rules beyond the book name (so that the
 * book's code, claiming none of them, runs every scenario of the book's rules). The protocol's own
 * rules (spec/protocol.md, {@code PR-nn}) belong to no area: each is checked by scenarios of
 * {@code features/protocol/} (which have no area and no chapter, and IDs that start with {@code pr.}),
 * by a check of the doctor that names it back, or says why not.
 */
public final class Traceability {
    private Traceability() {}

    /** The folder of the protocol's own scenarios, and the prefix of their IDs. */
    public static final String PROTOCOL_FOLDER = "protocol";
    private static final String PROTOCOL_ID_PREFIX = "pr.";

    /**
     * The problems found, each once (the rows of an outline share theirs); empty when spec and features agree.
     *
     * @param doctorChecks the doctor's checks: each one's name and the protocol rule it names
     */
    public static List<String> check(SpecIndex spec, FeatureIndex features, Map<String, String> doctorChecks) {
        List<String> problems = new ArrayList<>(features.parseErrors());
        problems.addAll(spec.strayPages().stream()
                .map(page -> page + " is not the page of an area: spec pages are named after an area (" + wireNames() + ")")
                .toList());
        checkRules(spec, features, problems);
        checkClauses(spec, features, problems);
        checkDoctor(spec, doctorChecks, problems);
        Set<String> beyond = spec.rules().stream().flatMap(r -> r.capabilities().stream()).collect(Collectors.toSet());
        Map<String, String> owners = new HashMap<>();
        for (ScenarioInfo scenario : features.scenarios()) {
            checkIds(scenario, owners, problems);
            checkArea(scenario, problems);
            for (String id : scenario.rules()) {
                if (spec.rule(id).isEmpty()) problems.add(scenario.where() + " names " + id + ", which no spec file defines");
            }
            if (scenario.rules().isEmpty()) problems.add(scenario.where() + " names no rule (tag it @XX-nn)");
            for (String capability : Tags.requirements(scenario.tags())) {
                if (!Capability.ALL.contains(capability)) {
                    problems.add(scenario.where() + " requires " + capability + "; the capabilities are " + Capability.ALL);
                }
            }
            for (String capability : Tags.unclaimed(scenario.tags())) {
                if (!Capability.ALL.contains(capability)) {
                    problems.add(scenario.where() + " needs " + capability + " unclaimed; the capabilities are " + Capability.ALL);
                }
            }
            checkBook(spec, scenario, beyond, problems);
            checkBlame(spec, scenario, problems);
        }
        return problems.stream().distinct().toList();
    }

    /** A book rule's scenario needs nothing beyond the book; a beyond-the-book rule's scenario requires its capabilities. */
    private static void checkBook(SpecIndex spec, ScenarioInfo scenario, Set<String> beyond, List<String> problems) {
        List<String> required = Tags.requirements(scenario.tags());
        for (String id : scenario.rules()) {
            Optional<Rule> rule = spec.rule(id);
            if (rule.isEmpty()) continue;
            if (rule.get().beyondTheBook()) {
                for (String capability : rule.get().capabilities()) {
                    if (!required.contains(capability)) {
                        problems.add(scenario.where() + " checks " + id + ", which is beyond the book: tag it @requires:" + capability);
                    }
                }
            } else {
                required.stream().filter(beyond::contains).forEach(capability -> problems.add(scenario.where() + " checks "
                        + id + ", which the book's code follows, but requires " + capability
                        + ", a capability beyond the book: check the book's rule without it, or split the scenario"));
            }
        }
    }

    /**
     * In a scenario of several rules, every Then step names the clause it checks in a comment above it,
     * so that its failure blames that clause alone; and what a comment names is a clause of one of the
     * scenario's rules; a rule with numbered clauses is named by the clause, never as a whole. An
     * outline's rows share their steps: the first row speaks for all.
     */
    private static void checkBlame(SpecIndex spec, ScenarioInfo scenario, List<String> problems) {
        for (ScenarioInfo.ThenStep step : scenario.thenSteps()) {
            String where = scenario.uri() + ":" + step.line();
            if (step.clauses().isEmpty() && scenario.rules().size() > 1) {
                problems.add(where + " is a Then step of a scenario of several rules (" + String.join(", ", scenario.rules())
                        + ") without a comment above it naming the clause it checks, like # " + scenario.rules().getFirst());
            }
            for (String clause : step.clauses()) {
                if (!scenario.rules().contains(Clause.ruleOf(clause)) || spec.clause(clause).isEmpty()) {
                    problems.add(where + " names " + clause + " in its comment, which is no clause of the scenario's rules "
                            + scenario.rules());
                } else if (spec.rule(clause).filter(SpecIndex::numbered).isPresent()) {
                    problems.add(where + " names " + clause + " as a whole, whose clauses are numbered: name the clause the step"
                            + " checks, like # " + SpecIndex.clauses(spec.rule(clause).orElseThrow()).getFirst().id());
                }
            }
        }
    }

    private static void checkRules(SpecIndex spec, FeatureIndex features, List<String> problems) {
        Set<String> checked = features.scenarios().stream().flatMap(s -> s.rules().stream()).collect(Collectors.toSet());
        for (Rule rule : spec.rules()) {
            boolean byDoctor = !rule.doctorChecks().isEmpty();
            if (rule.untested() && (checked.contains(rule.id()) || byDoctor)) {
                problems.add(rule.id() + " is marked untested in " + rule.specFile() + " but "
                        + (byDoctor ? "the doctor checks" : "scenarios check") + " it: remove **Untested:**");
            } else if (!rule.untested() && !checked.contains(rule.id()) && !byDoctor && !SpecIndex.numbered(rule)) {
                problems.add(rule.id() + " (" + rule.specFile() + ") has no scenario" + (rule.protocol() ? ", no doctor check" : "")
                        + " and no **Untested:** reason");
            }
            rule.capabilities().stream().filter(c -> !Capability.ALL.contains(c)).forEach(c -> problems.add(rule.id()
                    + " (" + rule.specFile() + ") is beyond the book with capability " + c + ", which is not one of " + Capability.ALL));
            if (rule.protocol()) continue;
            Optional<Area> area = Area.byRulePrefix(rule.prefix());
            if (area.isEmpty()) {
                problems.add(rule.id() + " (" + rule.specFile() + ") has a prefix no area has");
            } else if (rule.chapter() != area.get().chapter() || !rule.specFile().equals(area.get().wireName() + ".md")) {
                problems.add(rule.id() + " says chapter " + rule.chapter() + " in " + rule.specFile() + "; area "
                        + area.get().wireName() + " is chapter " + area.get().chapter() + ", on " + area.get().wireName() + ".md");
            }
        }
    }

    /**
     * Every numbered clause is named by a comment above a Then step of its rule's scenarios, or says
     * why it cannot be checked, and not both ({@link ClauseCoverage}): a rule's tag alone checks only
     * the clauses its scenarios name.
     */
    private static void checkClauses(SpecIndex spec, FeatureIndex features, List<String> problems) {
        for (ClauseCoverage c : ClauseCoverage.of(spec, features)) {
            if (!c.numbered()) continue;
            String clause = c.clause().id() + " (" + c.rule().specFile() + ")";
            if (c.how() == ClauseCoverage.How.NONE) {
                problems.add(clause + " is a numbered clause that no comment above a Then step names (# " + c.clause().id()
                        + ") and that has no Untested: reason");
            } else if (c.how() == ClauseCoverage.How.UNTESTED && !c.scenarios().isEmpty()) {
                problems.add(clause + " is marked untested but " + String.join(", ", c.scenarios()) + " names it: remove Untested:");
            }
        }
    }

    /** A protocol rule's doctor checks exist and name it back; every doctor check names a rule that names it. */
    private static void checkDoctor(SpecIndex spec, Map<String, String> doctorChecks, List<String> problems) {
        for (Rule rule : spec.protocolRules()) {
            for (String check : rule.doctorChecks()) {
                String named = doctorChecks.get(check);
                if (!rule.id().equals(named)) {
                    problems.add(rule.id() + " says the doctor's check \"" + check + "\" checks it, but "
                            + (named == null ? "the doctor has no such check " + doctorChecks.keySet() : "that check names " + named));
                }
            }
        }
        doctorChecks.forEach((check, ruleId) -> {
            if (spec.rule(ruleId).filter(r -> r.doctorChecks().contains(check)).isEmpty()) {
                problems.add("the doctor's check \"" + check + "\" names " + ruleId + ", whose **Doctor check:** does not name it");
            }
        });
    }

    /** One well-formed ID; it and its aliases belong to this scenario only (an outline's rows share theirs). */
    private static void checkIds(ScenarioInfo scenario, Map<String, String> owners, List<String> problems) {
        List<String> ids = Tags.ids(scenario.tags());
        if (ids.size() != 1 || !Tags.isScenarioId(ids.getFirst())) {
            problems.add(scenario.where() + " needs exactly one stable ID tag like @id:eq.token-round-trip, has " + ids);
            return;
        }
        String id = ids.getFirst();
        List<String> names = new ArrayList<>(List.of(id));
        names.addAll(Tags.aliases(scenario.tags()));
        for (String name : names) {
            if (!Tags.isScenarioId(name)) problems.add(scenario.where() + " has an alias that is no scenario ID: " + name);
            String owner = owners.putIfAbsent(name, id);
            if (owner != null && !(owner.equals(id) && scenario.outlineRow())) {
                problems.add(scenario.where() + " uses " + name + ", which " + (owner.equals(id) ? "another scenario" : owner)
                        + " already uses; scenario IDs and their aliases are unique and never change");
            }
        }
    }

    /** The area's tag names an area, and the chapter, folder, rule prefixes and ID prefixes agree with it. */
    private static void checkArea(ScenarioInfo scenario, List<String> problems) {
        if (scenario.uri().contains(PROTOCOL_FOLDER + "/")) {
            checkProtocolScenario(scenario, problems);
            return;
        }
        Optional<String> areaTag = Tags.area(scenario.tags());
        if (areaTag.isEmpty()) {
            problems.add(scenario.where() + " has no @area: tag");
            return;
        }
        Optional<Area> known = Area.byWireName(areaTag.get());
        if (known.isEmpty()) {
            problems.add(scenario.where() + " names area " + areaTag.get() + "; the areas are " + wireNames());
            return;
        }
        Area area = known.get();
        if (!Tags.chapter(scenario.tags()).equals(Optional.of(area.chapter()))) {
            problems.add(scenario.where() + " needs the tag @ch" + area.chapter() + " of area " + area.wireName());
        }
        if (!scenario.uri().contains(area.wireName() + "/")) {
            problems.add(scenario.where() + " is an " + area.wireName() + " scenario outside features/" + area.wireName() + "/");
        }
        for (String rule : scenario.rules()) {
            if (!rule.startsWith(area.rulePrefix() + "-")) {
                problems.add(scenario.where() + " names " + rule + ", but rules of " + area.wireName() + " start with " + area.rulePrefix());
            }
        }
        List<String> names = new ArrayList<>(Tags.ids(scenario.tags()));
        names.addAll(Tags.aliases(scenario.tags()));
        for (String name : names) {
            if (!name.startsWith(area.opPrefix())) {
                problems.add(scenario.where() + " has the ID " + name + "; IDs of " + area.wireName() + " start with " + area.opPrefix());
            }
        }
    }

    /** A protocol scenario belongs to no area and no chapter, and checks protocol rules only. */
    private static void checkProtocolScenario(ScenarioInfo scenario, List<String> problems) {
        if (Tags.area(scenario.tags()).isPresent() || Tags.chapter(scenario.tags()).isPresent()) {
            problems.add(scenario.where() + " is a protocol scenario: it takes no @area: and no @ch tag (it runs whatever the adapter claims)");
        }
        scenario.rules().stream().filter(rule -> !rule.startsWith(Rule.PROTOCOL_PREFIX + "-")).forEach(rule -> problems.add(
                scenario.where() + " names " + rule + ", but protocol scenarios check the protocol's rules (" + Rule.PROTOCOL_PREFIX + "-nn)"));
        List<String> names = new ArrayList<>(Tags.ids(scenario.tags()));
        names.addAll(Tags.aliases(scenario.tags()));
        names.stream().filter(name -> !name.startsWith(PROTOCOL_ID_PREFIX)).forEach(name -> problems.add(
                scenario.where() + " has the ID " + name + "; IDs of protocol scenarios start with " + PROTOCOL_ID_PREFIX));
    }

    private static List<String> wireNames() {
        return List.of(Area.values()).stream().map(Area::wireName).toList();
    }
}
