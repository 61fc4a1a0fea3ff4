package dev.ack.runner.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ack.protocol.Area;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit checked end to end, as a user runs it: the packaged jar against real adapter processes.
 * The correct implementations (Java, Python, Rust) pass everything; every known-bad variant fails
 * exactly the rules it declares; a broken adapter is reported as broken and the run still writes its reports.
 * Its tests run beside each other and beside the other classes' runs, as many at once as the build's
 * parallelism (junit-platform.properties): each kit run mostly waits on its scenarios' delays and on the
 * deadlines of what a variant leaves hanging, and each test's runs write to folders of their own.
 */
@Execution(ExecutionMode.CONCURRENT)
class KitIT {
    /**
     * The protocol's Unsupported scenarios (PR-10): each needs an area or a capability left unclaimed, so
     * an adapter that claims it cannot run it, and reports it as not claimed.
     */
    private static final Set<String> CHECKS_OF_WHAT_IS_NOT_CLAIMED = Set.of(
            "pr.an-op-of-an-area-not-claimed-gets-unsupported",
            "pr.an-edge-triggered-registration-not-claimed-gets-unsupported",
            "pr.a-oneshot-registration-not-claimed-gets-unsupported",
            "pr.a-reregister-not-claimed-gets-unsupported",
            "pr.a-deregister-not-claimed-gets-unsupported",
            "pr.a-waker-not-claimed-gets-unsupported");

    @Test
    void theReferenceImplementationPassesEveryScenario() throws Exception {
        KitRun run = KitRun.of("reference");
        assertPassesEverything(run);
    }

    @Test
    void thePythonImplementationPassesEveryScenario() throws Exception {
        String python = KitRun.pythonWithGreenlet();
        KitRun run = KitRun.of("python", "--adapter", python + " " + KitRun.REPO.resolve("adapters/python/adapter.py"));
        assertPassesEverything(run);
        assertThat(run.results().path("adapter").path("handshake").path("language").asText()).isEqualTo("python");
    }

    /** The binaries come from the root pom's rust-build (cargo build --release), which runs before this module. */
    @Test
    void theRustImplementationPassesEveryScenario() throws Exception {
        KitRun run = KitRun.of("rust", "--adapter", KitRun.REPO.resolve("adapters/rust/target/release/ack-rust").toString());
        assertPassesEverything(run);
        assertThat(run.results().path("adapter").path("handshake").path("language").asText()).isEqualTo("rust");
    }

    /** A student's path: the chapter 4 example adapter, a hundred lines of glue on ack-adapter. */
    @Test
    void theRustChapter4ExamplePassesChapter4() throws Exception {
        KitRun run = KitRun.of("rust-chapter4", "--chapter", "4",
                "--adapter", KitRun.REPO.resolve("adapters/rust/target/release/chapter4-example").toString());
        assertPassesWhatRan(run);
        assertThat(run.rules("passed")).as("the chapter's rules and the protocol's").anyMatch(id -> id.startsWith("EQ-"))
                .allMatch(id -> id.startsWith("EQ-") || id.startsWith("PR-"));
    }

    /**
     * An adapter that claims, of the event queue's capabilities, only what the book's a-epoll has
     * (edge-triggered) runs the protocol's checks of the others: each request that needs one gets
     * Unsupported (PR-10), and the chapter's scenarios that need them are not claimed.
     */
    @Test
    void anAdapterWithTheBooksClaimsRefusesWhatItDoesNotClaim() throws Exception {
        String adapter = "python3 " + KitRun.REPO.resolve("conformance-runner/src/test/resources/book-like-adapters/a_epoll_claims.py")
                + " " + KitRun.REPO;
        KitRun run = KitRun.of("a-epoll-claims", "--tags", "@ch4 or @PR-10", "--adapter", adapter);
        // a partial adapter leaves more than the protocol's checks unclaimed: assertPassesWhatRan does not apply
        assertThat(run.exitStatus()).as("exit status; console:%n%s", run).isZero();
        assertThat(run.total("failed")).as(run.console()).isZero();
        assertThat(run.scenarios("passed")).contains("pr.a-oneshot-registration-not-claimed-gets-unsupported",
                "pr.a-reregister-not-claimed-gets-unsupported", "pr.a-deregister-not-claimed-gets-unsupported",
                "pr.a-waker-not-claimed-gets-unsupported");
        assertThat(run.total("not-claimed")).as("the chapter's scenarios that need what it leaves unclaimed").isGreaterThan(4);
    }

    /**
     * An implementation whose reactor lives as long as its process, as the book's does: in one process
     * the second scenario that starts the reactor finds the first one's still running; with a process
     * per scenario every one passes. The shared run has one job: with several, the two scenarios may
     * each get a lane's process of their own, and nothing says two scenarios share a process.
     */
    @Test
    void aReactorThatLivesAsLongAsItsProcessPassesWithAProcessPerScenario() throws Exception {
        String adapter = "python3 " + KitRun.REPO.resolve("conformance-runner/src/test/resources/book-like-adapters/reactor_for_life.py")
                + " " + KitRun.REPO;
        String reactorScenarios = "@id:wk.reactor-wakes-task-on-response or @id:wk.finished-requests-leave-no-connection-open";
        KitRun shared = KitRun.of("isolate-none", "--jobs", "1", "--tags", reactorScenarios, "--adapter", adapter);
        assertThat(shared.exitStatus()).as("exit status; console:%n%s", shared).isEqualTo(1);
        assertThat(shared.console()).contains("AlreadyRunning");

        KitRun isolated = KitRun.of("isolate-scenario", "--tags", reactorScenarios, "--isolate", "scenario", "--adapter", adapter);
        assertPassesWhatRan(isolated);
        assertThat(isolated.total("passed")).isEqualTo(2);
    }

    /**
     * {@code --delay-server-port}: with a port another program holds, the run stops before it starts,
     * with status 2 and the port named. An adapter that connects to one fixed port, as the book's
     * {@code Http::get} does, fails the http scenarios without the option and passes them with it.
     */
    @Test
    void theDelayServerListensOnTheGivenPortAndATakenPortIsAUsageError() throws Exception {
        int port;
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = taken.getLocalPort();
            KitRun refused = KitRun.of("delay-port-taken", "--delay-server-port", Integer.toString(port), "--chapter", "7");
            assertThat(refused.exitStatus()).as(refused.console()).isEqualTo(2);
            assertThat(refused.console()).contains("--delay-server-port: cannot listen on 127.0.0.1:" + port);
            assertThat(Files.exists(refused.reports().resolve("ack-results.json"))).isFalse();
        }
        // a scenario whose timing only has a lower bound, which a loaded machine cannot break
        String httpScenario = "@id:co.book-two-sequential-requests";
        String fixedPort = "python3 " + KitRun.REPO.resolve("conformance-runner/src/test/resources/book-like-adapters/http_to_fixed_port.py")
                + " " + KitRun.REPO + " " + port;
        KitRun elsewhere = KitRun.of("delay-port-free", "--tags", httpScenario, "--adapter", fixedPort);
        assertThat(elsewhere.exitStatus()).as(elsewhere.console()).isNotZero();
        assertThat(elsewhere.total("passed")).isZero();

        KitRun there = KitRun.of("delay-port-given", "--delay-server-port", Integer.toString(port), "--tags", httpScenario,
                "--adapter", fixedPort);
        assertPassesWhatRan(there);
        assertThat(there.total("passed")).isEqualTo(1);
    }

    /**
     * {@code --jobs 2} gives a serial run's verdicts, scenario by scenario, and each timing scenario held the
     * machine with no other scenario beside it (each scenario's time on the machine is in ack-results.json).
     * A few rules of chapter 4, from several feature files, four of their scenarios tagged {@code @timing}.
     */
    @Test
    void twoJobsGiveTheVerdictsOfOneAndATimingScenarioRunsAlone() throws Exception {
        String selection = "@EQ-01 or @EQ-02 or @EQ-03 or @EQ-12 or @EQ-18 or @EQ-19 or @EQ-27";
        KitRun serial = KitRun.of("jobs-1", "--jobs", "1", "--tags", selection);
        KitRun parallel = KitRun.of("jobs-2", "--jobs", "2", "--tags", selection);
        assertPassesWhatRan(parallel);
        assertThat(verdicts(parallel)).isEqualTo(verdicts(serial));
        assertThat(verdicts(parallel).keySet()).as("the results in the serial run's order").containsExactlyElementsOf(verdicts(serial).keySet());
        List<JsonNode> scenarios = new ArrayList<>();
        parallel.results().path("scenarios").forEach(scenarios::add);
        List<JsonNode> timing = scenarios.stream().filter(s -> s.path("tags").toString().contains("\"timing\"")).toList();
        assertThat(timing).as("the timing scenarios selected").hasSize(4);
        for (JsonNode alone : timing) {
            assertThat(scenarios).as("scenarios on the machine beside %s", alone.path("id").asText())
                    .filteredOn(other -> other != alone && overlap(alone, other)).isEmpty();
        }
        assertThat(parallel.console()).containsPattern("Scenarios: wall [0-9.]+ s with 2 jobs, floor [0-9.]+ s");
    }

    /** Each scenario's verdict, in the order of the results file. */
    private static Map<String, String> verdicts(KitRun run) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        run.results().path("scenarios").forEach(s -> verdicts.put(s.path("id").asText(), s.path("verdict").asText()));
        return verdicts;
    }

    /** Whether two scenarios' times on the machine overlap. */
    private static boolean overlap(JsonNode a, JsonNode b) {
        long aFrom = a.path("startedMillis").asLong(), aTo = aFrom + a.path("durationMillis").asLong();
        long bFrom = b.path("startedMillis").asLong(), bTo = bFrom + b.path("durationMillis").asLong();
        return aFrom < bTo && bFrom < aTo;
    }

    /** Every scenario the run selected was claimed and passed. */
    private static void assertPassesWhatRan(KitRun run) {
        assertThat(run.exitStatus()).as("exit status; console:%n%s", run).isZero();
        assertThat(run.total("failed")).as(run.console()).isZero();
        // the verdict as ack-results.json spells it
        assertThat(run.scenarios("not-claimed")).as("scenarios not claimed").isSubsetOf(CHECKS_OF_WHAT_IS_NOT_CLAIMED);
        assertThat(run.total("passed")).isPositive();
        assertThat(run.rules("failed")).isEmpty();
    }

    private static void assertPassesEverything(KitRun run) {
        assertPassesWhatRan(run);
        assertThat(run.rules("not run")).as("rules without a scenario that ran").isEmpty();
        // skipped are only the protocol's checks of what is not claimed, which assertPassesWhatRan allows
        assertThat(run.console()).containsPattern("(?m)^\\d+ passed, 0 failed, " + run.scenarios("not-claimed").size() + " skipped$");
        for (String report : new String[]{"rule-matrix.html", "cucumber.html", "cucumber.json", "cucumber-junit.xml",
                "cucumber-messages.ndjson", "ack-results.json"}) {
            assertThat(run.reports().resolve(report)).as(report).isNotEmptyFile();
        }
        assertThat(run.reports().resolve("allure-results")).isDirectoryContaining("glob:**-result.json");
    }

    /**
     * Each variant breaks one area, so only that chapter runs: the verdict is the same, the build faster.
     * The variants and the rules each must fail are the reference adapter's own list, read from the jar.
     * Each run is a row of the kill matrix ({@link KillMatrix}), written when the class ends.
     */
    @ParameterizedTest(name = "variant {0} fails exactly {2}")
    @MethodSource("knownBadVariants")
    void everyKnownBadVariantFailsExactlyTheRulesItDeclares(String variant, int chapter, Set<String> declared, Area area,
                                                            String description) throws Exception {
        KitRun run = KitRun.of("variant-" + variant, "--reference-variant", variant, "--chapter", Integer.toString(chapter));
        KillMatrix.record(KillMatrix.row(area, KillMatrix.Kind.REFERENCE_VARIANT, variant, description, null, declared,
                Set.of(), KillMatrix.Verdicts.of(run)));
        assertThat(run.exitStatus()).as("exit status; console:%n%s", run).isEqualTo(1);
        assertThat(run.rules("failed")).as("the rules failed against %s; console:%n%s", variant, run)
                .containsExactlyInAnyOrderElementsOf(declared);
    }

    static Stream<Arguments> knownBadVariants() throws Exception {
        List<Arguments> variants = new ArrayList<>();
        for (JsonNode variant : KitRun.knownBadVariants()) {
            Set<String> fails = new TreeSet<>();
            variant.path("fails").forEach(rule -> fails.add(rule.asText()));
            variants.add(Arguments.of(variant.path("name").asText(), variant.path("chapter").asInt(), fails,
                    Area.byWireName(variant.path("area").asText()).orElseThrow(), variant.path("description").asText()));
        }
        assertThat(variants).as("known-bad variants listed by the reference adapter").isNotEmpty();
        return variants.stream();
    }

    @AfterAll
    static void writeTheKillMatrix() throws IOException {
        KillMatrix.write();
    }

    @Test
    void aCrashingAdapterIsReportedAsCrashedAndTheRunGoesOn() throws Exception {
        // chapter 4 only: the protocol's scenarios send malformed lines, which a fake that crashes on any request may survive
        KitRun run = KitRun.of("crashing", "--adapter", KitRun.fake("crash-on-request"), "--chapter", "4");
        assertThat(run.exitStatus()).as("a harness problem").isEqualTo(3);
        assertThat(run.results().path("harness").toString()).contains("\"ok\":false");
        assertThat(run.total("passed")).isZero();
        assertThat(run.total("error")).as("every claimed scenario ran and met the crash").isGreaterThan(5);
        assertThat(run.total("failed")).as("a crash fails no scenario").isZero();
        // the adapter check's "serves on after errors" sees it die after an error reply: that one is a rule failure
        assertThat(run.rules("failed")).containsExactly("PR-08");
        assertThat(run.console()).contains("adapter crashed").contains("index out of bounds");
        assertThat(run.reports().resolve("cucumber.html")).isNotEmptyFile();
    }

    @Test
    void anAdapterThatClaimsNothingIsNotClaimedAndNothingCheckedIsNotAPass() throws Exception {
        // chapter 4 only: the protocol's scenarios need no claim, and the fake answers malformed lines as it likes
        KitRun run = KitRun.of("claims-nothing", "--adapter", KitRun.fake("claims-nothing"), "--chapter", "4");
        assertThat(run.exitStatus()).as(run.console()).isEqualTo(5);
        assertThat(run.console()).contains("Nothing was checked");
        assertThat(run.total("failed")).isZero();
        assertThat(run.total("not-claimed")).isPositive();
        assertThat(run.rules("not claimed")).isNotEmpty();
        KitRun allowed = KitRun.of("claims-nothing-allowed", "--adapter", KitRun.fake("claims-nothing"), "--chapter", "4", "--allow-empty");
        assertThat(allowed.exitStatus()).as(allowed.console()).isZero();
    }

    /** The README's own example: a tag that selects one scenario runs it; one that selects none is not a pass. */
    @Test
    void aSelectionThatRunsNothingExits5AndTheReadmesExampleRunsOneScenario() throws Exception {
        KitRun none = KitRun.of("selects-nothing", "--tags", "@id:eq.no-such-scenario");
        assertThat(none.exitStatus()).as(none.console()).isEqualTo(5);
        KitRun example = KitRun.of("readme-example", "--tags", "@id:eq.a-timeout-of-0-returns-at-once");
        assertThat(example.exitStatus()).as(example.console()).isZero();
        assertThat(example.total("passed")).isEqualTo(1);
    }

    /**
     * A Then step that fails blames only the rule its comment names (the scenario's other rule is
     * blocked, not failed); a Given step that fails blocks its scenario, with its cause shown even under
     * {@code --feedback hint}, and fails no rule.
     */
    @Test
    void aFailureBlamesTheClauseItsStepNamesAndASetupFailureBlocks() throws Exception {
        java.nio.file.Path features = java.nio.file.Path.of("target", "it-reports", "blame-features", "event-queue").toAbsolutePath();
        Files.createDirectories(features);
        Files.writeString(features.resolve("blame.feature"), """
                @area:event-queue @ch4
                Feature: Blame

                  Background:
                    Given a poll instance
                    And an events collection of capacity 8

                  @EQ-04 @EQ-18 @id:eq.blame-falls-on-the-named-rule
                  Scenario: A token above 2^32 comes back
                    Given a source "A" registered with token 4294967301 for readable
                    When peer "A" sends "hello"
                    And I poll with a timeout of 1000 ms
                    # EQ-04
                    Then the poll reports token 4294967301 readable

                  @EQ-03 @id:eq.a-step-before-the-subject-that-fails-blocks
                  Scenario: A registration the implementation refuses on the way
                    Given a source "A" registered with token 1 for readable
                    When I register source "A" with token 2 for readable
                    Then the poll returns no events
                """);
        KitRun run = KitRun.of("blame", "--reference-variant", "token-truncated", "--features", features.getParent().toString(),
                "--feedback", "hint");
        assertThat(run.exitStatus()).as(run.console()).isEqualTo(1);
        assertThat(run.rules("failed")).containsExactly("EQ-04");
        assertThat(run.rules("blocked")).containsExactlyInAnyOrder("EQ-18", "EQ-03");
        assertThat(run.total("blocked")).isEqualTo(1);
        assertThat(run.console()).contains("failed step: Then the poll reports token 4294967301 readable (line 14)")
                .contains("blocked at: When I register source \"A\" with token 2 for readable (line 19)")
                .contains("failed with AlreadyRegistered")
                .doesNotContain("expected token 4294967301");
    }


    @Test
    void anAdapterThatCannotHandshakeIsAHarnessProblemNotZeroPercent() throws Exception {
        KitRun run = KitRun.of("garbage", "--adapter", KitRun.fake("garbage-at-hello"));
        assertThat(run.exitStatus()).isEqualTo(3);
        assertThat(run.total("failed")).as("no rule is failed by a broken harness").isZero();
        assertThat(run.console()).contains("debug output belongs on stderr").contains("not run: the adapter is not a working harness");
        assertThat(run.reports().resolve("cucumber.html")).isNotEmptyFile();
    }

    @Test
    void levelsLockHigherChaptersAndFeedbackHidesTheDetails() throws Exception {
        KitRun run = KitRun.of("levels", "--reference-variant", "token-truncated", "--up-to", "5", "--feedback", "rule");
        assertThat(run.exitStatus()).isEqualTo(1);
        assertThat(run.rules("failed")).containsExactly("EQ-04");
        assertThat(run.total("locked")).as("chapter 5 waits for chapter 4").isPositive();
        assertThat(run.rules("locked")).allMatch(id -> id.startsWith("FB-"));
        assertThat(run.console()).contains("EQ-04").doesNotContain("expected token 4294967301").doesNotContain("If this fails");
        assertThat(run.results().toString()).doesNotContain("expected token 4294967301");
    }

    /**
     * What {@code --feedback hint} and {@code rule} hide reaches none of the files a student's CI
     * publishes (the whole {@code --out} folder, the console included), while the teacher's folder holds
     * it: the assertion messages the teacher's full results show are searched for in every student file.
     */
    @ParameterizedTest(name = "--feedback {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"hint", "rule"})
    void noExpectedValueReachesTheStudentsArtifacts(String feedback) throws Exception {
        java.nio.file.Path teacher = java.nio.file.Path.of("target", "it-reports", "teacher-" + feedback).toAbsolutePath();
        KitRun run = KitRun.of("student-" + feedback, "--reference-variant", "token-truncated", "--chapter", "4",
                "--tags", "@EQ-04", "--feedback", feedback, "--teacher-out", teacher.toString());
        assertThat(run.exitStatus()).as(run.console()).isEqualTo(1);
        JsonNode full = dev.ack.protocol.Codec.JSON.readTree(teacher.resolve("ack-results.json").toFile());
        List<String> secrets = new ArrayList<>();
        full.path("scenarios").forEach(s -> { if (s.path("verdict").asText().equals("failed")) secrets.add(s.path("message").asText().lines().findFirst().orElseThrow()); });
        assertThat(secrets).as("the teacher's results hold the assertion messages").isNotEmpty().allMatch(m -> m.contains("expected token"));
        assertThat(teacher.resolve("cucumber.json")).content().contains(secrets.getFirst());
        assertThat(teacher.resolve("allure-results")).isDirectoryContaining("glob:**-result.json");
        List<java.nio.file.Path> published;
        try (Stream<java.nio.file.Path> files = Files.walk(run.reports())) {
            published = files.filter(Files::isRegularFile).toList();
        }
        assertThat(published).extracting(p -> p.getFileName().toString())
                .contains("ack-results.json", "rule-matrix.html", "console.txt")
                .doesNotContain("cucumber.json", "cucumber.html", "cucumber-junit.xml", "cucumber-messages.ndjson");
        for (java.nio.file.Path file : published) {
            String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8);
            for (String secret : secrets) assertThat(text).as("%s must not hold %s", file, secret).doesNotContain(secret);
        }
        assertThat(run.console()).contains("failed step: And the poll reports token 4294967301 readable");
    }

    @Test
    void aBaselineSkipFileAcceptsTodaysFailuresAndGoesStaleWhenTheyPass() throws Exception {
        java.nio.file.Path skips = java.nio.file.Path.of("target", "it-reports", "baseline-skips.txt").toAbsolutePath();
        KitRun failing = KitRun.of("baseline-write", "--reference-variant", "token-truncated", "--chapter", "4", "--write-baseline", skips.toString());
        assertThat(failing.exitStatus()).isEqualTo(1);
        assertThat(skips).content().contains("eq.token-comes-back-exactly#1.2");
        KitRun accepted = KitRun.of("baseline-use", "--reference-variant", "token-truncated", "--chapter", "4", "--skip-file", skips.toString());
        assertThat(accepted.exitStatus()).as(accepted.console()).isZero();
        KitRun fixed = KitRun.of("baseline-stale", "--chapter", "4", "--skip-file", skips.toString());
        assertThat(fixed.exitStatus()).isEqualTo(1);
        assertThat(fixed.console()).contains("stale skip");
    }

    @Test
    void badArgumentsGetAClearErrorAndStatus2() throws Exception {
        KitRun run = KitRun.of("bad-args", "--adapter", "x 'unterminated");
        assertThat(run.exitStatus()).isEqualTo(2);
        assertThat(run.console()).contains("unterminated");
        assertThat(Files.exists(run.reports().resolve("ack-results.json"))).isFalse();
    }
}
