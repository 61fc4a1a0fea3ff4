package dev.ack.runner.cli;

import dev.ack.protocol.Codec;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each check shown to catch what it claims: every mutant of {@code adapters/python/mutants/} is a copy of
 * the Python implementation with one student's bug put in, and the kit must fail exactly the rules (or
 * clauses) the mutant declares, on the mutant's chapter (or tag selection); a mutant that crashes the adapter declares the
 * rules whose scenarios must end in an error instead. A mutant whose bug no longer applies (an
 * {@code old} text found other than once) fails the test by its name. Mutants run three at a time: each
 * kit run mostly waits on its scenarios' delays, and the suite's timing checks hold beside other runs.
 */
@Execution(ExecutionMode.CONCURRENT)
class PythonMutantsIT {

    private static final Path PYTHON = KitRun.REPO.resolve("adapters/python");
    private static final Path MUTANTS = PYTHON.resolve("mutants");

    /**
     * One mutant as its JSON file states it.
     *
     * @param name    the mutant's name, its file's name without {@code .json}
     * @param chapter the chapter the kit runs ({@code --chapter}), or null when {@code tags} selects
     * @param tags    instead of a chapter, the tag expression the kit runs ({@code --tags}): for a bug the
     *                protocol's scenarios catch, which belong to no chapter
     * @param why     the student's bug, one sentence
     * @param file    the file it changes, relative to adapters/python
     * @param replace the replacements, in order
     * @param fails   the rules or clauses the kit must fail, exactly
     * @param errors  the rules whose scenario the mutant's crash must end in an error, exactly (none if absent)
     */
    record Mutant(String name, Integer chapter, String tags, String why, String file, List<Replacement> replace, List<String> fails,
                  List<String> errors) {
        Mutant {
            fails = fails == null ? List.of() : fails;
            errors = errors == null ? List.of() : errors;
        }

        /** The kit's arguments that select the scenarios the mutant runs. */
        List<String> selection() {
            assertThat(chapter == null).as("mutant %s gives a chapter or tags, not both", name).isNotEqualTo(tags == null);
            return chapter != null ? List.of("--chapter", chapter.toString()) : List.of("--tags", tags);
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
    void everyMutantFailsExactlyTheRulesItDeclares(Mutant mutant) throws Exception {
        Path copy = mutatedCopy(mutant);
        long started = System.nanoTime();
        List<String> kitArgs = new ArrayList<>(mutant.selection());
        kitArgs.addAll(List.of("--adapter", KitRun.pythonWithGreenlet() + " " + copy.resolve("adapter.py")));
        KitRun run = KitRun.of("mutant-" + mutant.name(), kitArgs.toArray(String[]::new));
        System.out.printf("mutant %s: %d ms%n", mutant.name(), (System.nanoTime() - started) / 1_000_000);
        // a crash is a harness fault (exit 3), whatever else failed
        assertThat(run.exitStatus()).as("exit status of mutant %s; console:%n%s", mutant.name(), run)
                .isEqualTo(mutant.errors().isEmpty() ? 1 : 3);
        assertThat(run.rules("error")).as("the rules in error with mutant %s (%s); console:%n%s", mutant.name(), mutant.why(), run)
                .containsExactlyInAnyOrderElementsOf(mutant.errors());
        // a declared clause (EQ-34.2) fails its rule, and must be the clause its rule's failures blame
        Set<String> rules = mutant.fails().stream().map(PythonMutantsIT::ruleOf).collect(Collectors.toCollection(TreeSet::new));
        Set<String> clauses = mutant.fails().stream().filter(f -> f.contains(".")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(run.rules("failed")).as("the rules failed by mutant %s (%s); console:%n%s", mutant.name(), mutant.why(), run)
                .containsExactlyInAnyOrderElementsOf(rules);
        assertThat(blamedClauses(run, clauses.stream().map(PythonMutantsIT::ruleOf).collect(Collectors.toSet())))
                .as("the clauses failed by mutant %s; console:%n%s", mutant.name(), run).containsExactlyInAnyOrderElementsOf(clauses);
    }

    /** The clauses ({@code EQ-34.2}) of {@code rules} that failed scenarios blame. */
    private static Set<String> blamedClauses(KitRun run, Set<String> rules) {
        Set<String> blamed = new TreeSet<>();
        run.results().path("scenarios").forEach(s -> {
            if (s.path("verdict").asText().equals("failed")) {
                s.path("blamed").forEach(c -> { if (c.asText().contains(".") && rules.contains(ruleOf(c.asText()))) blamed.add(c.asText()); });
            }
        });
        return blamed;
    }

    private static String ruleOf(String clause) {
        int dot = clause.indexOf('.');
        return dot < 0 ? clause : clause.substring(0, dot);
    }

    static Stream<Mutant> mutants() throws IOException {
        List<Mutant> mutants = new ArrayList<>();
        try (Stream<Path> files = Files.list(MUTANTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Mutant mutant = Codec.JSON.readValue(file.toFile(), Mutant.class);
                assertThat(file.getFileName().toString()).as("a mutant's file is named after it").isEqualTo(mutant.name() + ".json");
                assertThat(mutant.fails().size() + mutant.errors().size()).as("mutant %s declares the rules it fails", mutant.name()).isPositive();
                mutants.add(mutant);
            }
        }
        assertThat(mutants).as("mutants in %s", MUTANTS).isNotEmpty();
        return mutants.stream();
    }

    /** A copy of adapters/python (without its tests and mutants) in a temporary folder, with the mutant's bug in it. */
    private static Path mutatedCopy(Mutant mutant) throws IOException {
        Path copy = Files.createTempDirectory("ack-mutant-" + mutant.name());
        try (Stream<Path> tree = Files.walk(PYTHON)) {
            for (Path source : tree.filter(p -> !p.startsWith(MUTANTS) && !p.toString().contains("__pycache__")).toList()) {
                Path target = copy.resolve(PYTHON.relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path file = copy.resolve(mutant.file());
        String text = Files.readString(file);
        for (Replacement replacement : mutant.replace()) {
            int occurrences = text.split(java.util.regex.Pattern.quote(replacement.old()), -1).length - 1;
            assertThat(occurrences).as("mutant %s: times its old text occurs in %s: %s", mutant.name(), mutant.file(), replacement.old())
                    .isEqualTo(1);
            text = text.replace(replacement.old(), replacement.replacement());
        }
        Files.writeString(file, text);
        return copy;
    }
}
