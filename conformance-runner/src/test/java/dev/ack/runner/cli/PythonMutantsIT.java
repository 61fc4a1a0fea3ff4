package dev.ack.runner.cli;

import dev.ack.protocol.Area;
import dev.ack.protocol.Codec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each check shown to catch what it claims: every mutant of {@code adapters/python/mutants/} is a copy of
 * the Python implementation with one student's bug put in, and the kit must fail exactly the rules (or
 * clauses) the mutant declares, on the mutant's chapter (or tag selection); a mutant that crashes the adapter declares the
 * rules whose scenarios must end in an error instead. A mutant that fails nothing must be listed as
 * equivalent, quoting the spec text that allows it. The other side: every change of
 * {@code adapters/python/allowed/} is one the spec permits, and the kit must fail nothing on it. A change
 * whose bug no longer applies (an {@code old} text found other than once) fails the test by its name.
 * Every run is a row of the kill matrix ({@link KillMatrix}), written when the class ends. Changes run
 * three at a time: each kit run mostly waits on its scenarios' delays, and the suite's timing checks
 * hold beside other runs.
 */
@Execution(ExecutionMode.CONCURRENT)
class PythonMutantsIT {

    private static final Path PYTHON = KitRun.REPO.resolve("adapters/python");
    private static final Path MUTANTS = PYTHON.resolve("mutants");
    private static final Path ALLOWED = PYTHON.resolve("allowed");
    private static final Pattern CHAPTER_TAG = Pattern.compile("@ch(\\d+)");

    /**
     * One change as its JSON file states it: a mutant, or a change the spec allows.
     *
     * @param name       the change's name, its file's name without {@code .json}
     * @param chapter    the chapter the kit runs ({@code --chapter}), or null when {@code tags} selects
     * @param tags       instead of a chapter, the tag expression the kit runs ({@code --tags}): for a bug the
     *                   protocol's scenarios catch, which belong to no chapter
     * @param why        the student's bug, one sentence; for an allowed change, also the spec text that allows it
     * @param file       the file it changes, relative to adapters/python
     * @param replace    the replacements, in order
     * @param fails      the rules or clauses the kit must fail, exactly (none for an allowed change)
     * @param errors     the rules whose scenario the mutant's crash must end in an error, exactly (none if absent)
     * @param equivalent for a mutant that fails nothing, the spec text that allows what it does (else null)
     */
    record Change(String name, Integer chapter, String tags, String why, String file, List<Replacement> replace, List<String> fails,
                  List<String> errors, String equivalent) {
        Change {
            fails = fails == null ? List.of() : fails;
            errors = errors == null ? List.of() : errors;
        }

        /** The kit's arguments that select the scenarios the change runs. */
        List<String> selection() {
            assertThat(chapter == null).as("change %s gives a chapter or tags, not both", name).isNotEqualTo(tags == null);
            return chapter != null ? List.of("--chapter", chapter.toString()) : List.of("--tags", tags);
        }

        /** The area of its chapter, or of the first chapter its tags name. */
        Area area() {
            int number = chapter != null ? chapter : CHAPTER_TAG.matcher(tags).results().findFirst()
                    .map(m -> Integer.parseInt(m.group(1))).orElseThrow(() -> new AssertionError(name + ": its tags name no chapter"));
            return Arrays.stream(Area.values()).filter(a -> a.chapter() == number).findFirst().orElseThrow();
        }

        @Override
        public String toString() { return name; }
    }

    /**
     * One text replacement.
     *
     * @param old the text to replace, which must occur exactly once in the file
     * @param replacement the text put in its place (named {@code new} in the JSON)
     */
    record Replacement(String old, @com.fasterxml.jackson.annotation.JsonProperty("new") String replacement) {}

    @ParameterizedTest(name = "mutant {0} fails exactly its declared rules")
    @MethodSource("mutants")
    void everyMutantFailsExactlyTheRulesItDeclares(Change mutant) throws Exception {
        assertFailsExactlyWhatItDeclares(mutant, KillMatrix.Kind.PYTHON_MUTANT);
    }

    @ParameterizedTest(name = "allowed change {0} fails nothing")
    @MethodSource("allowedChanges")
    void everyAllowedChangeFailsNothing(Change change) throws Exception {
        assertFailsExactlyWhatItDeclares(change, KillMatrix.Kind.ALLOWED_CHANGE);
    }

    @AfterAll
    static void writeTheKillMatrix() throws IOException {
        KillMatrix.write();
    }

    private static void assertFailsExactlyWhatItDeclares(Change change, KillMatrix.Kind kind) throws Exception {
        Path copy = changedCopy(change);
        long started = System.nanoTime();
        List<String> kitArgs = new ArrayList<>(change.selection());
        kitArgs.addAll(List.of("--adapter", KitRun.pythonWithGreenlet() + " " + copy.resolve("adapter.py")));
        // one lane: the build runs three kits at once (these and KitIT's), and more lanes would only
        // starve the timing scenarios (a 2-core machine at a load of 15 reordered WK-15's 200 ms steps)
        kitArgs.addAll(List.of("--jobs", "1"));
        KitRun run = KitRun.of("python-" + change.name(), kitArgs.toArray(String[]::new));
        System.out.printf("%s %s: %d ms%n", kind.label, change.name(), (System.nanoTime() - started) / 1_000_000);
        KillMatrix.record(KillMatrix.row(change.area(), kind, change.name(), change.why(), change.equivalent(), change.fails(),
                change.errors(), KillMatrix.Verdicts.of(run)));
        // a crash is a harness fault (exit 3), whatever else failed
        int status = !change.errors().isEmpty() ? 3 : !change.fails().isEmpty() ? 1 : 0;
        assertThat(run.exitStatus()).as("exit status of %s; console:%n%s", change.name(), run).isEqualTo(status);
        assertThat(run.rules("error")).as("the rules in error with %s (%s); console:%n%s", change.name(), change.why(), run)
                .containsExactlyInAnyOrderElementsOf(change.errors());
        // a declared clause (EQ-34.2) fails its rule, and must be the clause its rule's failures blame
        Set<String> rules = change.fails().stream().map(PythonMutantsIT::ruleOf).collect(Collectors.toCollection(TreeSet::new));
        Set<String> clauses = change.fails().stream().filter(f -> f.contains(".")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(run.rules("failed")).as("the rules failed by %s (%s); console:%n%s", change.name(), change.why(), run)
                .containsExactlyInAnyOrderElementsOf(rules);
        assertThat(blamedClauses(run, clauses.stream().map(PythonMutantsIT::ruleOf).collect(Collectors.toSet())))
                .as("the clauses failed by %s; console:%n%s", change.name(), run).containsExactlyInAnyOrderElementsOf(clauses);
    }

    /** The clauses ({@code EQ-34.2}) of {@code rules} that failed scenarios blame. */
    private static Set<String> blamedClauses(KitRun run, Set<String> rules) {
        return run.blamed().stream().filter(c -> c.contains(".") && rules.contains(ruleOf(c))).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String ruleOf(String clause) {
        int dot = clause.indexOf('.');
        return dot < 0 ? clause : clause.substring(0, dot);
    }

    static Stream<Change> mutants() throws IOException {
        List<Change> mutants = changesIn(MUTANTS);
        for (Change mutant : mutants) {
            boolean failsSomething = mutant.fails().size() + mutant.errors().size() > 0;
            assertThat(failsSomething).as("mutant %s declares the rules it fails, or else, as equivalent, the spec text that allows it",
                    mutant.name()).isNotEqualTo(mutant.equivalent() != null);
        }
        return mutants.stream();
    }

    static Stream<Change> allowedChanges() throws IOException {
        List<Change> changes = changesIn(ALLOWED);
        for (Change change : changes) {
            assertThat(change.fails().size() + change.errors().size()).as("allowed change %s declares no failures", change.name()).isZero();
            assertThat(change.equivalent()).as("allowed change %s: its why quotes the spec text that allows it", change.name()).isNull();
        }
        return changes.stream();
    }

    /** The mutant of {@code adapters/python/mutants/} named {@code name}. */
    static Change mutant(String name) throws IOException {
        return Codec.JSON.readValue(MUTANTS.resolve(name + ".json").toFile(), Change.class);
    }

    /** The change the spec allows of {@code adapters/python/allowed/} named {@code name}. */
    static Change allowedChange(String name) throws IOException {
        return Codec.JSON.readValue(ALLOWED.resolve(name + ".json").toFile(), Change.class);
    }

    private static List<Change> changesIn(Path folder) throws IOException {
        List<Change> changes = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Change change = Codec.JSON.readValue(file.toFile(), Change.class);
                assertThat(file.getFileName().toString()).as("a change's file is named after it").isEqualTo(change.name() + ".json");
                changes.add(change);
            }
        }
        assertThat(changes).as("changes in %s", folder).isNotEmpty();
        return changes;
    }

    /** A copy of adapters/python (without its mutants and allowed changes) in a temporary folder, with the change in it. */
    static Path changedCopy(Change change) throws IOException {
        Path copy = Files.createTempDirectory("ack-change-" + change.name());
        try (Stream<Path> tree = Files.walk(PYTHON)) {
            for (Path source : tree.filter(p -> !p.startsWith(MUTANTS) && !p.startsWith(ALLOWED) && !p.toString().contains("__pycache__")).toList()) {
                Path target = copy.resolve(PYTHON.relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path file = copy.resolve(change.file());
        String text = Files.readString(file);
        for (Replacement replacement : change.replace()) {
            int occurrences = text.split(java.util.regex.Pattern.quote(replacement.old()), -1).length - 1;
            assertThat(occurrences).as("%s: times its old text occurs in %s: %s", change.name(), change.file(), replacement.old())
                    .isEqualTo(1);
            text = text.replace(replacement.old(), replacement.replacement());
        }
        Files.writeString(file, text);
        return copy;
    }
}
