package dev.ack.runner.cli;

import dev.ack.protocol.Area;
import dev.ack.runner.adapter.AdapterFault;
import dev.ack.runner.adapter.Isolation;
import dev.ack.runner.adapter.RunSettings;
import dev.ack.runner.fuzz.Differential;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/** {@code kit fuzz}: random programs, run on the implementation and on the reference, compared. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Generative differential checking: makes random valid programs from a seed",
                "(event queue: loopback sources registered, reregistered and deregistered, their",
                "peers sending and closing, reads and polls of small capacity, checked once the",
                "peers' actions reached the kernel (Linux); fibers: spawns, yields, logs, locals;",
                "coroutines: children, join_all and manual",
                "leaves, driven by polls and leaves made ready in a random order; wakers: the same",
                "under the adapter's executor, with spawns, yields and kept wakers, driven by",
                "leaves made ready and wakers called in random batches), runs each on the adapter",
                "and on the bundled reference, and compares what they did. An order the spec",
                "leaves free (join_all's children within a poll, CO-09; the ready queue's, WK-12;",
                "wakes merged before a poll; the order of events, which ready sources a full poll",
                "takes) is compared as free. The first program that",
                "diverges is shrunk to a minimal one and printed as a scenario for",
                "features/<area>/ with its seed; the same --seed makes the same programs again.",
                "",
                "Exit status: 0 when every program ran alike, 1 when one diverged, 2 on bad usage,",
                "3 when the adapter is not a working harness, or crashed, timed out or broke the",
                "protocol on a program, 4 when the kit itself failed, 5 when the adapter claims",
                "none of the areas, 130 or 143 when stopped by SIGINT or SIGTERM."},
        footer = {"", "Examples:",
                "  kit fuzz --adapter \"python3 adapters/python/adapter.py\"",
                "  kit fuzz --adapter ./my-adapter --area coroutines --seed 42 --cases 500"})
final class FuzzCommand implements Callable<Integer> {

    @Mixin
    AdapterOptions adapterOptions;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", paramLabel = "N", description = "Where the programs come from (default: a random seed, printed).")
    Long seed;

    @Option(names = "--cases", paramLabel = "N", defaultValue = "200",
            description = "How many programs per area, at most (default: ${DEFAULT-VALUE}).")
    int cases;

    @Option(names = "--area", paramLabel = "AREA", split = ",",
            description = "Only these areas (event-queue, fibers, coroutines, wakers); default: all, as far as the adapter claims them.")
    List<String> areas;

    @Override
    public Integer call() {
        if (cases < 1) throw new CommandLine.ParameterException(spec.commandLine(), "--cases: at least 1, not " + cases);
        long chosen = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, 1_000_000);
        List<Area> chosenAreas = areas();
        RunSettings implementation = adapterOptions.toSettings(spec);
        if (implementation.isolation() != Isolation.NONE) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--isolate: kit fuzz runs every program on one adapter process, reset before each program");
        }
        RunSettings reference = new RunSettings(ReferenceAdapterCommand.build(null), implementation.workingDirectory(),
                implementation.deadlines(), implementation.strict());
        Signals.install();
        System.out.println("kit fuzz: seed " + chosen + ", at most " + cases + " programs per area, against `" + implementation.adapter() + "`");
        Differential.Finding finding;
        try (Differential differential = new Differential(new Differential.Plan(implementation, reference, chosen, cases, chosenAreas), System.out)) {
            finding = differential.run();
        } catch (AdapterFault e) {
            if (Signals.status().isPresent()) return Signals.status().getAsInt();
            System.out.println("The adapter is not a working harness: " + e.getMessage() + "\n(`kit doctor` says more)");
            return Kit.HARNESS_PROBLEM;
        }
        if (Signals.status().isPresent()) return Signals.status().getAsInt();
        return switch (finding) {
            case NONE -> 0;
            case DIVERGENCE -> 1;
            case HARNESS_FAULT -> Kit.HARNESS_PROBLEM;
            case NOTHING_CHECKED -> {
                System.out.println("Nothing was fuzzed: the adapter claims none of " + Differential.areas().stream().map(Area::wireName).toList());
                yield Kit.NOTHING_CHECKED;
            }
        };
    }

    private List<Area> areas() {
        List<Area> chosen = new ArrayList<>();
        for (String name : areas == null ? List.<String>of() : areas) {
            Area area = Area.byWireName(name).filter(Differential.areas()::contains).orElseThrow(() -> new CommandLine.ParameterException(
                    spec.commandLine(), "--area: kit fuzz knows " + Differential.areas().stream().map(Area::wireName).toList() + ", not " + name));
            chosen.add(area);
        }
        return chosen;
    }
}
