package dev.ack.runner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code kit allure}: turns a run's Allure results into an HTML report, offline, with the Allure
 * command line pinned in the kit's package.json (installed from the lockfile on first use).
 */
@Command(name = "allure", mixinStandardHelpOptions = true,
        description = {"Turns Allure results into an HTML report (offline), with the Allure command line",
                "pinned in the kit's package.json; `npm ci` installs it on first use (needs Node.js and npm).",
                "The report is a single HTML file that opens from disk, grouped by chapter and rule (allurerc.mjs)."})
final class AllureCommand implements Callable<Integer> {

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "kit-reports/allure-results",
            description = "The Allure results of a run (default: ${DEFAULT-VALUE}).")
    Path results;

    @Option(names = {"--out", "-o"}, paramLabel = "DIR", defaultValue = "kit-reports/allure-report",
            description = "Where to write the HTML report (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!Files.isDirectory(results)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--results: no such directory: " + results
                    + " (run the kit first; it writes allure-results into its --out folder)");
        }
        Path tools = toolsFolder().orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                "cannot find the kit's package.json next to its jar; run this from a checkout of the kit"));
        Path allure = tools.resolve("node_modules/.bin/allure");
        if (!Files.isExecutable(allure)) {
            System.out.println("Installing the pinned Allure command line (npm ci)…");
            int status = run(tools, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
            if (status != 0) return status;
        }
        int status = run(Path.of("."), List.of(allure.toString(), "generate", results.toString(), "-o", out.toString(),
                "--config", tools.resolve("allurerc.mjs").toString()));
        if (status == 0) System.out.println("Allure report: " + out.resolve("index.html").toAbsolutePath());
        return status;
    }

    private static int run(Path directory, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).inheritIO().start();
        // SIGTERM to the kit (CI's cancel) ends npm and Allure with it
        Thread stop = new Thread(() -> {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }, "kit-allure-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int status = process.waitFor();
        Runtime.getRuntime().removeShutdownHook(stop);
        return status;
    }

    /** The checkout the kit's jar was built in: the first folder above the jar with a package.json. */
    private static Optional<Path> toolsFolder() {
        try {
            Path dir = Path.of(AllureCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
            for (; dir != null; dir = dir.getParent()) {
                if (Files.exists(dir.resolve("package.json"))) return Optional.of(dir);
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
