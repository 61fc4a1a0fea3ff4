package dev.ack.runner.suite;

import dev.ack.runner.adapter.RunSettings;
import dev.ack.runner.adapter.SuiteVersion;
import dev.ack.runner.doctor.Diagnosis;
import dev.ack.runner.doctor.Doctor;
import dev.ack.runner.peers.DeliberateWaits;
import dev.ack.runner.report.AllureLabels;
import dev.ack.runner.report.Feedback;
import dev.ack.runner.report.ResultCollector;
import dev.ack.runner.report.RuleMatrixPage;
import dev.ack.runner.report.RunReport;
import dev.ack.runner.report.ScenarioResult;
import dev.ack.runner.report.SkipList;
import dev.ack.runner.report.StepLedger;
import dev.ack.runner.spec.ScenarioIds;
import dev.ack.runner.spec.SpecIndex;
import dev.ack.runner.verdict.Levels;
import dev.ack.runner.verdict.StallDetector;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the features once against one adapter through the JUnit Platform and the Cucumber engine,
 * with every report plugin, then prints the summary and writes the kit's results file.
 */
public final class SuiteRun {
    private static final String GLUE = "dev.ack.runner.steps";
    private static final String ALLURE_PLUGIN = "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm";

    /** Where the run's reports go, by name. */
    public record Reports(Path directory) {
        public Path html() { return directory.resolve("cucumber.html"); }
        public Path json() { return directory.resolve("cucumber.json"); }
        public Path junitXml() { return directory.resolve("cucumber-junit.xml"); }
        public Path messages() { return directory.resolve("cucumber-messages.ndjson"); }
        /** Cucumber's report of the retried scenarios (their first attempts are in {@link #html()}). */
        public Path retryHtml() { return directory.resolve("cucumber-retry.html"); }
        /** Cucumber's JSON of the retried scenarios. */
        public Path retryJson() { return directory.resolve("cucumber-retry.json"); }
        public Path allureResults() { return directory.resolve("allure-results"); }
        public Path results() { return directory.resolve(RunReport.RESULTS_FILE); }
        public Path ruleMatrix() { return directory.resolve(RuleMatrixPage.FILE); }
        /** Every line the run's adapter processes wrote to stderr. */
        public Path adapterStderr() { return directory.resolve("adapter-stderr.log"); }
    }

    /**
     * @param doctor   whether to check the adapter as a harness before the scenarios
     * @param skips    known failures to accept (see {@link SkipList})
     * @param baseline where to write today's failures as a skip file, if anywhere
     * @param feedback how much the kit's own reports reveal about failures
     * @param teacher  where the full reports go: Cucumber's and Allure's (which hold every assertion
     *                 message) and the kit's own at full feedback; none under {@code hint} and {@code rule}
     *                 without it, so that no report beside the student's holds what the feedback level hides
     * @param jobs     how many scenarios run at once, each on an adapter process of its own (1: one after another)
     */
    public record Options(RunSettings settings, Optional<Path> featuresDirectory, Reports reports,
                          Selection selection, boolean doctor, SkipList skips, Optional<Path> baseline,
                          Feedback feedback, Optional<Reports> teacher, int jobs) {

        /** Where Cucumber's and Allure's reports go: the teacher's folder, or the student's at full feedback, or nowhere. */
        public Optional<Reports> fullReports() {
            return teacher.or(() -> feedback.showsDetails() ? Optional.of(reports) : Optional.empty());
        }
    }

    private final Options options;
    private final PrintStream out;

    public SuiteRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the suite; returns the report (already printed and written). The results file and the
     * rule matrix are written first, before the doctor and again before the scenarios (marked as
     * running), and once more at the end, so a run that is stopped or breaks at any point leaves both.
     */
    public RunReport execute() throws IOException {
        Reports reports = options.reports();
        Files.createDirectories(reports.directory());
        Files.deleteIfExists(reports.adapterStderr());
        Optional<Reports> full = options.fullReports();
        if (full.isPresent()) {
            Files.createDirectories(full.get().directory());
            // an earlier run's retries are not this run's
            Files.deleteIfExists(full.get().retryHtml());
            Files.deleteIfExists(full.get().retryJson());
        }
        // Allure's lifecycle reads its directory from this property when it first starts
        full.ifPresent(f -> System.setProperty("allure.results.directory", f.allureResults().toString()));

        SpecIndex spec = SpecIndex.bundled();
        Levels levels = new Levels(options.selection().levels());
        ResultCollector collector = new ResultCollector(out, spec, options.skips(), options.feedback(), levels,
                RunContext::currentTranscript, () -> DeliberateWaits.ofThisScenario().covered());
        ReportWrites writes = new ReportWrites(out);
        Instant started = Instant.now();
        RunSettings settings = options.settings().withStderrLog(reports.adapterStderr());
        String adapter = settings.adapter().toString();
        List<String> featureProblems = List.of();
        Duration scenarios = Duration.ZERO;
        out.println("Async Conformance Kit " + SuiteVersion.VALUE + ": checking `" + adapter + "`");
        // before the doctor, so that a signal during the doctor stops the run too
        RunContext.begin(settings, levels);
        writeOwnReports(writes, spec, List.of(), Optional.empty(), List.of(), started, Instant.now(), "running");
        // the adapter check runs beside Cucumber's discovery of the scenarios, which takes seconds
        CompletableFuture<Optional<Diagnosis>> check = CompletableFuture.supplyAsync(
                () -> checkAdapter(settings, writes, spec, started), runnable -> Thread.ofPlatform().name("adapter-check").start(runnable));
        Optional<Diagnosis> diagnosis = Optional.empty();
        try (FeatureSet features = options.featuresDirectory().map(FeatureSet::directory).orElseGet(FeatureSet::bundled)) {
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .build());
            DiscoveryProblems problems = new DiscoveryProblems();
            long scenariosBegan = System.nanoTime();
            TestPlan plan = launcher.discover(discoveryRequest(features, full, problems, options.jobs()));
            diagnosis = check.join();
            if (RunContext.interrupted()) {
                // running Cucumber takes seconds more, and every scenario would only be skipped
                out.println("Stopped before the scenarios: Cucumber's and Allure's reports are not written.");
            } else {
                StallDetector.start();
                launcher.execute(plan, collector);
                List<DiscoverySelector> retry = collector.retryInconclusive().stream().flatMap(s -> selector(s).stream()).toList();
                if (!retry.isEmpty() && !RunContext.interrupted()) {
                    out.println("Retrying " + retry.size() + " inconclusive timing scenario(s) once"
                            + full.map(f -> " (Cucumber's report of the retries: " + f.retryHtml().getFileName()
                            + "; Allure shows both attempts):").orElse(":"));
                    RunContext.beginRetries();
                    launcher.execute(retryRequest(retry, full), collector);
                }
                scenarios = Duration.ofNanos(System.nanoTime() - scenariosBegan);
                featureProblems = new ArrayList<>(features.index().parseErrors());
                featureProblems.addAll(problems.problems());
            }
        } finally {
            try {
                // also when Cucumber failed to start: the check's adapters are gone before the run ends
                diagnosis = check.join();
            } finally {
                RunContext.lastHandshake().ifPresent(h -> out.println("  adapter: " + h));
                RunContext.end();
            }
        }
        Instant finished = Instant.now();
        RunReport report = writeOwnReports(writes, spec, collector.results(), diagnosis, featureProblems, started, finished,
                RunContext.interrupted() ? "interrupted" : "finished");
        if (full.isPresent()) {
            Path allure = full.get().allureResults();
            writes.write("the Allure labels", () -> new AllureLabels(spec).apply(allure));
            writes.write("the Allure environment", () -> AllureLabels.writeEnvironment(allure, adapter,
                    RunContext.lastHandshake().map(Object::toString).orElse("(no handshake)")));
        }
        Optional<Diagnosis> checked = diagnosis;
        options.teacher().ifPresent(teacher -> writeFullReports(writes, teacher, spec, report, collector.results(), checked, started, finished));
        report.printSummary(out, RunContext.interrupted());
        options.baseline().ifPresent(baseline -> writes.write(baseline.toString(), () -> {
            SkipList.writeBaseline(baseline, collector.results(), finished.toString());
            out.println("Wrote today's failures as a skip file: " + baseline);
        }));
        printFloor(scenarios, collector.floor());
        out.printf("Finished in %.1f s. Reports in %s:%n", Duration.between(started, finished).toMillis() / 1000.0,
                reports.directory().toAbsolutePath());
        listReports(reports, started);
        if (full.isEmpty()) {
            out.println("  (Cucumber's and Allure's reports hold every expected value, which --feedback " + options.feedback().name().toLowerCase()
                    + " hides: they are written only with --teacher-out DIR)");
        } else if (!full.get().equals(reports)) {
            out.printf("Full reports (for the teacher) in %s:%n", full.get().directory().toAbsolutePath());
            listReports(full.get(), started);
        }
        return report;
    }

    /**
     * The adapter check (unless the options leave it out), printed whole, and the reports written again with
     * its verdict; then the lanes' adapters are started ahead, unless the check found the adapter unusable.
     */
    private Optional<Diagnosis> checkAdapter(RunSettings settings, ReportWrites writes, SpecIndex spec, Instant started) {
        Optional<Diagnosis> diagnosis = Optional.empty();
        if (options.doctor()) {
            Diagnosis d = new Doctor(settings).examine();
            d.print(out);
            diagnosis = Optional.of(d);
        }
        diagnosis.filter(d -> !d.canRun()).ifPresent(d ->
                RunContext.markHarnessBroken("the adapter is not a working harness (see the adapter check above)"));
        writeOwnReports(writes, spec, List.of(), diagnosis, List.of(), started, Instant.now(), "running");
        if (RunContext.harnessBroken().isEmpty()) RunContext.prestart(options.jobs());
        return diagnosis;
    }

    /**
     * The scenarios' wall time (Cucumber's launches, retries included) beside their floor: the sum of every
     * scenario's deliberate waits ({@link DeliberateWaits}), what a serial run cannot go below. Scenarios that
     * run side by side ({@code --jobs}) can take less than the floor, except where they are timing scenarios,
     * which run alone.
     */
    private void printFloor(Duration wall, Duration floor) {
        String ratio = floor.isZero() ? "" : String.format(" (%.2f× the floor)", wall.toNanos() / (double) floor.toNanos());
        out.printf("Scenarios: wall %.1f s with %d job%s, floor %.1f s%s; the floor is the sum of the scenarios' deliberate "
                        + "waits (delays, timeouts and quiet windows they ask for).%n",
                wall.toMillis() / 1000.0, options.jobs(), options.jobs() == 1 ? "" : "s", floor.toMillis() / 1000.0, ratio);
    }

    private void listReports(Reports reports, Instant started) throws IOException {
        for (Path p : List.of(reports.results(), reports.ruleMatrix(), reports.html(), reports.json(), reports.junitXml(),
                reports.messages(), reports.retryHtml(), reports.retryJson(), reports.allureResults(), reports.adapterStderr())) {
            if (!Files.exists(p)) continue;
            boolean stale = Files.getLastModifiedTime(p).toInstant().isBefore(started.minusSeconds(1));
            out.println("  " + reports.directory().relativize(p) + (stale ? "  (from an earlier run: this run did not write it)" : ""));
        }
    }

    /** The kit's own reports at full feedback, in the teacher's folder. */
    private void writeFullReports(ReportWrites writes, Reports teacher, SpecIndex spec, RunReport report,
                                  List<ScenarioResult> results, Optional<Diagnosis> diagnosis, Instant started, Instant finished) {
        String adapter = options.settings().adapter().toString();
        String state = RunContext.interrupted() ? "interrupted" : "finished";
        writes.write("the teacher's " + RunReport.RESULTS_FILE, () -> report.writeResults(teacher.results(), adapter,
                RunContext.lastHandshake(), started, finished, Feedback.FULL, state));
        writes.write("the teacher's " + RuleMatrixPage.FILE, () -> RuleMatrixPage.write(teacher.ruleMatrix(), spec, results,
                report.ruleVerdicts(), Feedback.FULL, adapter, RunContext.lastHandshake(), diagnosis, finished));
    }

    /** The kit's own reports: the results file and the rule matrix, each written on its own. */
    private RunReport writeOwnReports(ReportWrites writes, SpecIndex spec, List<ScenarioResult> results, Optional<Diagnosis> diagnosis,
                                      List<String> featureProblems, Instant started, Instant finished, String state) {
        RunReport report = new RunReport(results, spec, diagnosis, featureProblems);
        String adapter = options.settings().adapter().toString();
        Reports reports = options.reports();
        writes.write(RunReport.RESULTS_FILE, () -> report.writeResults(reports.results(), adapter, RunContext.lastHandshake(),
                started, finished, options.feedback(), state));
        writes.write(RuleMatrixPage.FILE, () -> RuleMatrixPage.write(reports.ruleMatrix(), spec, results,
                report.ruleVerdicts(), options.feedback(), adapter, RunContext.lastHandshake(), diagnosis, finished));
        return report;
    }

    /** The scenario at a source, as a selector the Cucumber engine runs alone. */
    private static Optional<DiscoverySelector> selector(TestSource source) {
        return switch (source) {
            case ClasspathResourceSource c -> c.getPosition().map(p -> DiscoverySelectors.selectClasspathResource(c.getClasspathResourceName(),
                    org.junit.platform.engine.discovery.FilePosition.from(p.getLine())));
            case FileSource f -> f.getPosition().map(p -> DiscoverySelectors.selectFile(f.getFile(),
                    org.junit.platform.engine.discovery.FilePosition.from(p.getLine())));
            default -> Optional.empty();
        };
    }

    /**
     * A second launch of a few scenarios: Cucumber reports it in files of its own, beside the first
     * launch's; Allure adds its attempts to the same results, where they show as retries.
     */
    private static LauncherDiscoveryRequest retryRequest(List<DiscoverySelector> selectors, Optional<Reports> full) {
        List<String> plugins = new ArrayList<>(List.of(StepLedger.class.getName()));
        full.ifPresent(reports -> plugins.addAll(List.of("html:" + reports.retryHtml(), "json:" + reports.retryJson(), ALLURE_PLUGIN)));
        // one at a time: a retry is for a scenario the machine upset, so nothing runs beside it
        return request(selectors, plugins, 1).build();
    }

    /**
     * A launch of the Cucumber engine on {@code selectors} with {@code plugins}, {@code jobs} scenarios at a time:
     * on a pool of exactly that many threads (no more, or more adapters would run), each thread a lane with
     * its own adapter ({@link RunContext}); which scenarios may run side by side is {@link dev.ack.runner.verdict.MachineShare}'s say.
     */
    private static LauncherDiscoveryRequestBuilder request(List<? extends DiscoverySelector> selectors, List<String> plugins, int jobs) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                .filters(EngineFilter.includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", GLUE)
                .configurationParameter("cucumber.plugin", String.join(",", plugins))
                .configurationParameter("cucumber.publish.quiet", "true")
                .configurationParameter("cucumber.execution.parallel.enabled", String.valueOf(jobs > 1))
                .configurationParameter("cucumber.execution.parallel.config.strategy", "fixed")
                .configurationParameter("cucumber.execution.parallel.config.fixed.parallelism", String.valueOf(jobs))
                .configurationParameter("cucumber.execution.parallel.config.fixed.max-pool-size", String.valueOf(jobs))
                // an outline's examples are named by their scenario name, not "Example #1.2"
                .configurationParameter("cucumber.junit-platform.naming-strategy.short.example-name",
                        "number-and-pickle-if-parameterized");
    }

    private LauncherDiscoveryRequest discoveryRequest(FeatureSet features, Optional<Reports> full, DiscoveryProblems problems, int jobs) {
        List<String> plugins = new ArrayList<>(List.of(StepLedger.class.getName()));
        full.ifPresent(reports -> plugins.addAll(List.of(
                "html:" + reports.html(),
                "json:" + reports.json(),
                "junit:" + reports.junitXml(),
                "message:" + reports.messages(),
                ALLURE_PLUGIN)));
        LauncherDiscoveryRequestBuilder request = request(features.selectors(), plugins, jobs).listeners(problems);
        // a scenario's former ID still selects it: @id:<alias> becomes the ID it stands for, and the kit says so
        options.selection().tagExpression()
                .map(t -> ScenarioIds.of(features.index()).resolve(t, note -> out.println("  " + note)))
                .ifPresent(t -> request.configurationParameter("cucumber.filter.tags", t));
        return request.build();
    }
}
