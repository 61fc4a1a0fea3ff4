package dev.ack.runner.steps.runtime;

import dev.ack.runner.steps.TimingCheck;
import dev.ack.runner.steps.coroutines.Timing;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The book's {@code spawn_many} (ch10/b-rust-futures-experiments): a hundred spawned requests, task i
 * asking for {@code /<10·i>/HelloAsyncAwait<i>} and logging the body; when the bodies came and in which order.
 */
public class ManyRequestsSteps {
    private static final String BODY = "HelloAsyncAwait";

    private final RuntimeWorld world;
    private int tasks;
    private int stepMillis;
    private Duration lastBody;

    public ManyRequestsSteps(RuntimeWorld world) {
        this.world = world;
    }

    /** The root waits for {@code leaf} after spawning, so that when block_on returns is RT-03's business, not this scenario's. */
    @When("block_on spawns {int} tasks, task i logging the body of http {string}, and the root then waits for leaf {word}")
    public void spawnsRequests(int count, String pathOfI, String leaf) {
        if (!pathOfI.matches("/<(\\d+)·i>/" + BODY + "<i>")) {
            throw new IllegalArgumentException("the scenario's path must be /<N·i>/" + BODY + "<i>, it is " + pathOfI);
        }
        tasks = count;
        stepMillis = Integer.parseInt(pathOfI.substring(2, pathOfI.indexOf('·')));
        StringBuilder program = new StringBuilder();
        for (int i = 0; i < count; i++) {
            program.append("spawn child request").append(i).append(":\n")
                    .append("  wait for http \"/").append(i * stepMillis).append('/').append(BODY).append(i).append("\" into body\n")
                    .append("  log \"{body}\"\n");
        }
        program.append("wait for leaf ").append(leaf).append('\n');
        world.start(RuntimeWorld.MAIN, program.toString());
    }

    /** Timed at the reply that brought the last of them: from sending {@code rt.block_on} to reading it. */
    @When("block_on has logged every body")
    public void hasLoggedEveryBody() {
        RuntimeRun run = world.run(RuntimeWorld.MAIN);
        world.awaitTrace(run, r -> r.logs().size() >= tasks, "block_on to log the " + tasks + " bodies");
        lastBody = run.sinceStart();
    }

    /** Responses whose delays are closer than {@code slack} may reach the executor in one wake-up, in any order. */
    @Then("the bodies came in delay order, a body at most {int} ms before one with a shorter delay")
    public void inDelayOrder(int slack) {
        RuntimeRun run = world.run(RuntimeWorld.MAIN);
        List<String> logs = run.logs();
        assertThatEveryBodyCameOnce(run, logs);
        long latestDelay = 0;
        long worst = 0;
        for (String body : logs) {
            long delay = Long.parseLong(body.substring(BODY.length())) * stepMillis;
            worst = Math.max(worst, latestDelay - delay);
            latestDelay = Math.max(latestDelay, delay);
        }
        long inversion = worst;
        // a stall of the adapter longer than the slack can merge more responses into one wake-up
        TimingCheck.holds(inversion <= slack, Duration.ofMillis(Math.max(0, inversion - slack)), () -> "expected the bodies in "
                + "delay order, a body at most " + slack + " ms before one with a shorter delay; one came " + inversion
                + " ms early; the bodies came in this order: " + logs);
    }

    private void assertThatEveryBodyCameOnce(RuntimeRun run, List<String> logs) {
        List<String> expected = IntStream.range(0, tasks).mapToObj(i -> BODY + i).toList();
        if (logs.size() != tasks || !logs.containsAll(expected)) {
            throw new AssertionError("expected the " + tasks + " bodies " + BODY + "0 to " + BODY + (tasks - 1)
                    + ", each once; " + run.describe());
        }
    }

    @Then("the last body came after at least the longest delay but before {int}% of the sum of the delays")
    public void lastBodyTiming(int percent) {
        if (lastBody == null) throw new IllegalStateException("the scenario times the bodies before they all came");
        Timing.assertConcurrent("the " + tasks + " spawned requests", lastBody, world.run(RuntimeWorld.MAIN).program.httpDelays(), percent);
    }
}
