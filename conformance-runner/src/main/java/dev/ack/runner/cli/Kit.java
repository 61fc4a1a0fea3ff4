package dev.ack.runner.cli;

import dev.ack.protocol.Area;
import dev.ack.protocol.Protocol;
import dev.ack.runner.adapter.SuiteVersion;
import dev.ack.runner.peers.DelayServer;
import dev.ack.runner.report.Feedback;
import dev.ack.runner.report.RunReport;
import dev.ack.runner.report.SkipList;
import dev.ack.runner.spec.SpecIndex;
import dev.ack.runner.suite.RunContext;
import dev.ack.runner.adapter.RunSettings;
import dev.ack.runner.suite.Selection;
import dev.ack.runner.suite.SuiteRun;
import dev.ack.runner.verdict.Verdict;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code kit}: checks an implementation against the suite. With no options it checks the bundled
 * Java reference implementation, which must pass everything.
 */
@Command(name = "kit", mixinStandardHelpOptions = true, versionProvider = Kit.Version.class,
        description = {
                "Checks an implementation of the async primitives of \"Asynchronous Programming in Rust\" against the",
                "conformance suite, through an adapter that speaks the kit's protocol (spec/protocol.md).",
                "With no --adapter it checks the bundled Java reference implementation.",
                "",
                "Exit status: 0 when every claimed scenario passed, 1 when a scenario failed or was blocked, 2 on bad usage",
                "or broken feature files, 3 on a harness fault (the adapter crashed, timed out or broke the protocol; see",
                "`kit doctor`), 4 when the kit itself failed, 5 when nothing was checked (no scenario ran or none was claimed;",
                "--allow-empty accepts it), 6 when timing scenarios were inconclusive and nothing failed, 130 when stopped by",
                "SIGINT (Ctrl-C) and 143 when stopped by SIGTERM (the reports are written all the same)."},
        subcommands = {DoctorCommand.class, ExplainCommand.class, AllureCommand.class, FuzzCommand.class},
        footer = {"", "Examples:",
                "  kit                        check the bundled reference implementation",
                "  kit --adapter \"python3 adapters/python/adapter.py\"",
                "  kit --adapter ./my-adapter --tags @EQ-03",
                "  kit explain EQ-03          print a rule, why it exists, and a hint",
                "  kit fuzz --adapter ./my-adapter --seed 42",
                "                             random programs on the adapter and the reference, compared",
                "  kit --strict               also check every line against the schema"})
public final class Kit implements Callable<Integer> {

    /** Exit status for bad usage: wrong options, or feature files that do not parse. */
    static final int BAD_INPUT = 2;
    /** Exit status when the adapter is not a working harness (see {@code kit doctor}). */
    static final int HARNESS_PROBLEM = 3;
    /** Exit status when the kit itself failed: a bug, not a verdict on the adapter. */
    static final int INTERNAL_ERROR = 4;
    /** Exit status when nothing was checked: a CI job that tested nothing must not go green. */
    static final int NOTHING_CHECKED = 5;
    /** Exit status when nothing failed but timing scenarios stayed inconclusive (the machine stalled, twice). */
    static final int INCONCLUSIVE = 6;

    @Mixin
    AdapterOptions adapterOptions;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--features", paramLabel = "DIR",
            description = "Run the feature files in DIR instead of the bundled suite.")
    Path features;

    @Option(names = {"--out", "-o"}, paramLabel = "DIR", defaultValue = "kit-reports",
            description = "Where to write the reports (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--chapter", paramLabel = "N", description = "Only the scenarios of chapter N (the areas' chapters are listed below).")
    Integer chapter;

    @Option(names = "--up-to", paramLabel = "N",
            description = "Teaching levels: chapters up to N, in order; a chapter stays locked (not run) while a lower one has failures.")
    Integer upTo;

    @Option(names = "--feedback", paramLabel = "LEVEL", defaultValue = "full",
            description = "How much the reports in --out reveal about failures: full (the failed step, its clause, hint, "
                    + "expected vs actual, transcripts), hint (the failed step, its clause and hint, and causes that name no "
                    + "expected value), rule (the failed step and which clause). Under hint and rule, Cucumber's and Allure's "
                    + "reports (which hold everything) are written only to --teacher-out. Default: ${DEFAULT-VALUE}.")
    String feedback;

    @Option(names = "--tags", paramLabel = "EXPR",
            description = "Only scenarios matching this Cucumber tag expression, e.g. \"@EQ-03 or @EQ-04\", \"@ch4\".")
    String tags;

    @Option(names = "--no-doctor", description = "Skip the adapter check that starts every run.")
    boolean noDoctor;

    @Option(names = "--skip-file", paramLabel = "FILE",
            description = "Known failures to accept: lines of `<rule or scenario ID>  <reason>`. Listed scenarios still run; "
                    + "one that passes is reported as a stale skip (an error).")
    Path skipFile;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Write this run's failing scenarios to FILE as a skip file (a baseline to start from).")
    Path writeBaseline;

    @Option(names = "--teacher-out", paramLabel = "DIR",
            description = "Write the full reports here: Cucumber's and Allure's (every assertion message and transcript) and "
                    + "the kit's own at full feedback. Under --feedback hint or rule they are written nowhere else, so "
                    + "the --out folder a student's CI publishes holds nothing the feedback level hides.")
    Path teacherOut;

    @Option(names = "--delay-server-port", paramLabel = "PORT", defaultValue = "0",
            description = "The loopback port the runner's delay server listens on, for code that connects to a fixed port "
                    + "(the book's Http::get uses 8080). Default: a free port the system picks, which the requests name.")
    int delayServerPort;

    @Option(names = {"--jobs", "-j"}, paramLabel = "N",
            description = "Run N scenarios at once, each on an adapter process of its own, with the verdicts of a serial run: "
                    + "a timing scenario (@timing) runs with nothing beside it, and a retry of an inconclusive one runs alone. "
                    + "Default: as many as the machine has processors; 1 under --up-to, whose locks follow the lower "
                    + "chapters' verdicts in order.")
    Integer jobs;

    @Option(names = "--allow-empty",
            description = "Exit 0, not 5, when nothing was checked (no scenario ran, or the adapter claims none of them).")
    boolean allowEmpty;

    @Override
    public Integer call() throws Exception {
        if (features != null && !Files.isDirectory(features)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--features: no such directory: " + features);
        }
        RunSettings settings = adapterOptions.toSettings(spec).withDelayServerPort(checkedDelayServerPort());
        SkipList skips;
        try {
            skips = skipFile == null ? SkipList.empty() : SkipList.read(skipFile);
        } catch (IOException | IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--skip-file: " + e.getMessage());
        }
        Signals.install();
        SuiteRun run = new SuiteRun(new SuiteRun.Options(settings, Optional.ofNullable(features),
                new SuiteRun.Reports(out), new Selection(Optional.ofNullable(tags), Optional.ofNullable(chapter), Optional.ofNullable(upTo)),
                !noDoctor, skips, Optional.ofNullable(writeBaseline), feedback(),
                Optional.ofNullable(teacherOut).map(SuiteRun.Reports::new), checkedJobs()), System.out);
        RunReport report = run.execute();
        if (Signals.status().isPresent()) return Signals.status().getAsInt();
        if (!report.featureProblems().isEmpty()) return BAD_INPUT;
        if (!report.harnessHealthy() || report.count(Verdict.ERROR) > 0) return HARNESS_PROBLEM;
        if (report.implementationFellShort()) return 1;
        if (report.nothingChecked() && !allowEmpty) {
            System.out.println("Nothing was checked (no scenario of an area ran against the adapter: check --tags, --chapter, --features "
                    + "and the areas the adapter claims); exit status " + NOTHING_CHECKED + ", --allow-empty accepts it.");
            return NOTHING_CHECKED;
        }
        return report.count(Verdict.INCONCLUSIVE) > 0 ? INCONCLUSIVE : 0;
    }

    /**
     * How many scenarios run at once: as many as the machine has processors, or one under {@code --up-to},
     * where a chapter runs only once the chapters below it have their verdicts.
     */
    private int checkedJobs() {
        if (jobs != null && jobs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jobs: at least 1, not " + jobs);
        }
        if (upTo != null) {
            if (jobs != null && jobs > 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--jobs " + jobs + " with --up-to: a chapter unlocks only once the chapters below it have passed, so --up-to runs one scenario at a time");
            }
            return 1;
        }
        return jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    }

    private Feedback feedback() {
        try {
            return Feedback.valueOf(feedback.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--feedback: use full, hint or rule, not " + feedback);
        }
    }

    /**
     * The port of {@code --delay-server-port}, once a delay server has been bound to it and closed again:
     * a port another program holds is a usage error before anything runs, not a failure of every http
     * scenario.
     */
    private int checkedDelayServerPort() {
        if (delayServerPort < 0 || delayServerPort > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--delay-server-port: a port is 1 to 65535 (or 0 for a free one), not " + delayServerPort);
        }
        if (delayServerPort == 0) return 0;
        try {
            DelayServer.start(delayServerPort).close();
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--delay-server-port: cannot listen on 127.0.0.1:"
                    + delayServerPort + " (" + e.getMessage() + "); another program holds it: stop it or pick another port");
        }
        return delayServerPort;
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Kit())
                .setExecutionExceptionHandler((e, cl, parseResult) -> {
                    // a failure of the kit must not read as a verdict ("some failed")
                    System.err.println("kit: internal error (please report it with the output above):");
                    e.printStackTrace();
                    return Signals.status().orElse(INTERNAL_ERROR);
                });
        CommandLine.Model.UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
        List<String> footer = new ArrayList<>(areas());
        footer.addAll(List.of(usage.footer()));
        usage.footer(footer.toArray(String[]::new));
        System.exit(commandLine.execute(args));
    }

    /** The areas, their chapters and rule prefixes, from {@link Area}: the help says what the enum says. */
    private static List<String> areas() {
        SpecIndex spec = SpecIndex.bundled();
        List<String> lines = new ArrayList<>(List.of("", "Areas (--chapter and --up-to take their chapters):"));
        for (Area area : Area.values()) {
            lines.add(String.format("  chapter %-2d %-12s %s", area.chapter(), area.wireName(),
                    spec.rulesOf(area).isEmpty() ? "reserved, not specified yet" : "rules " + area.rulePrefix() + "-nn"));
        }
        return lines;
    }

    /** Prints the suite and protocol versions. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"Async Conformance Kit " + SuiteVersion.VALUE + ", adapter protocol " + Protocol.VERSION};
        }
    }
}
