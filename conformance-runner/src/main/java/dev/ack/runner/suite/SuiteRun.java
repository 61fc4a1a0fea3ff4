package dev.ack.runner.suite;

import dev.ack.runner.adapter.RunSettings;
import dev.ack.runner.adapter.SuiteVersion;
import dev.ack.runner.doctor.Diagnosis;
import dev.ack.runner.doctor.Doctor;
import dev.ack.runner.report.AllureLabels;
import dev.ack.runner.report.Feedback;
import dev.ack.runner.report.ResultCollector;
import dev.ack.runner.report.RuleMatrixPage;
import dev.ack.runner.report.RunReport;
import dev.ack.runner.report.SkipList;
import dev.ack.runner.spec.ScenarioIds;
import dev.ack.runner.spec.SpecIndex;
import dev.ack.runner.verdict.Levels;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
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

/**
 * Runs the features once against one adapter through the JUnit Platform and the Cucumber engine,
 * with every report plugin, then prints the summary and writes the kit's results file.
 */
public final class SuiteRun {
    private static final String GLUE = "dev.ack.runner.steps";

    /** Where the run's reports go, by name. */
    public record Reports(Path directory) {
        public Path html() { return directory.resolve("cucumber.html"); }
        public Path json() { return directory.resolve("cucumber.json"); }
        public Path junitXml() { return directory.resolve("cucumber-junit.xml"); }
        public Path messages() { return directory.resolve("cucumber-messages.ndjson"); }
        public Path allureResults() { return directory.resolve("allure-results"); }
        public Path results() { return directory.resolve(RunReport.RESULTS_FILE); }
        public Path ruleMatrix() { return directory.resolve(RuleMatrixPage.FILE); }
    }

    /**
     * @param doctor   whether to check the adapter as a harness before the scenarios
     * @param skips    known failures to accept (see {@link SkipList})
     * @param baseline where to write today's failures as a skip file, if anywhere
     * @param feedback how much the kit's own reports reveal about failures
     */
    public record Options(RunSettings settings, Optional<Path> featuresDirectory, Reports reports,
                          Selection selection, boolean doctor, SkipList skips, Optional<Path> baseline,
                          Feedback feedback) {}

    private final Options options;
    private final PrintStream out;

    public SuiteRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs the suite; returns the report (already printed and written). */
    public RunReport execute() throws IOException {
        Reports reports = options.reports();
        Files.createDirectories(reports.directory());
        // Allure's lifecycle reads its directory from this property when it first starts
        System.setProperty("allure.results.directory", reports.allureResults().toString());

        SpecIndex spec = SpecIndex.bundled();
        Levels levels = new Levels(options.selection().levels());
        ResultCollector collector = new ResultCollector(out, spec, options.skips(), options.feedback(), levels,
                RunContext::currentTranscript);
        Instant started = Instant.now();
        List<String> featureProblems = List.of();
        out.println("Async Conformance Kit " + SuiteVersion.VALUE + ": checking `" + options.settings().adapter() + "`");
        Optional<Diagnosis> diagnosis = Optional.empty();
        if (options.doctor()) {
            Diagnosis d = new Doctor(options.settings()).examine();
            d.print(out);
            diagnosis = Optional.of(d);
        }
        RunContext.begin(options.settings(), levels);
        diagnosis.filter(d -> !d.canRun()).ifPresent(d ->
                RunContext.markHarnessBroken("the adapter is not a working harness (see the adapter check above)"));
        try {
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false)
                    .build());
            FeatureSet features = options.featuresDirectory().map(FeatureSet::directory).orElseGet(FeatureSet::bundled);
            DiscoveryProblems problems = new DiscoveryProblems();
            launcher.execute(discoveryRequest(features, reports, problems), collector);
            featureProblems = new ArrayList<>(features.index().parseErrors());
            featureProblems.addAll(problems.problems());
        } finally {
            RunContext.lastHandshake().ifPresent(h -> out.println("  adapter: " + h));
            RunContext.end();
        }
        Instant finished = Instant.now();
        new AllureLabels(spec).apply(reports.allureResults());
        AllureLabels.writeEnvironment(reports.allureResults(), options.settings().adapter().toString(),
                RunContext.lastHandshake().map(Object::toString).orElse("(no handshake)"));
        RunReport report = new RunReport(collector.results(), spec, diagnosis, featureProblems);
        report.writeResults(reports.results(), options.settings().adapter().toString(), RunContext.lastHandshake(),
                started, finished, options.feedback());
        RuleMatrixPage.write(reports.ruleMatrix(), spec, collector.results(), report.ruleVerdicts(), options.feedback(),
                options.settings().adapter().toString(), RunContext.lastHandshake(), diagnosis, finished);
        report.printSummary(out);
        if (options.baseline().isPresent()) {
            SkipList.writeBaseline(options.baseline().get(), collector.results(), finished.toString());
            out.println("Wrote today's failures as a skip file: " + options.baseline().get());
        }
        out.printf("Finished in %.1f s. Reports in %s:%n", Duration.between(started, finished).toMillis() / 1000.0,
                reports.directory().toAbsolutePath());
        for (Path p : List.of(reports.ruleMatrix(), reports.html(), reports.json(), reports.junitXml(), reports.messages(),
                reports.allureResults(), reports.results())) {
            out.println("  " + reports.directory().relativize(p));
        }
        return report;
    }

    private LauncherDiscoveryRequest discoveryRequest(FeatureSet features, Reports reports, DiscoveryProblems problems) {
        String plugins = String.join(",",
                "html:" + reports.html(),
                "json:" + reports.json(),
                "junit:" + reports.junitXml(),
                "message:" + reports.messages(),
                "io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm");
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(features.selectors())
                .listeners(problems)
                .filters(EngineFilter.includeEngines("cucumber"))
                .configurationParameter("cucumber.glue", GLUE)
                .configurationParameter("cucumber.plugin", plugins)
                .configurationParameter("cucumber.publish.quiet", "true")
                .configurationParameter("cucumber.execution.parallel.enabled", "false")
                // an outline's examples are named by their scenario name, not "Example #1.2"
                .configurationParameter("cucumber.junit-platform.naming-strategy.short.example-name",
                        "number-and-pickle-if-parameterized");
        // a scenario's former ID still selects it: @id:<alias> becomes the ID it stands for, and the kit says so
        options.selection().tagExpression()
                .map(t -> ScenarioIds.of(features.index()).resolve(t, note -> out.println("  " + note)))
                .ifPresent(t -> request.configurationParameter("cucumber.filter.tags", t));
        return request.build();
    }
}
