package dev.ack.runner.steps.runtime;

import dev.ack.protocol.Empty;
import dev.ack.protocol.runtime.RuntimeOps;
import dev.ack.protocol.runtime.RuntimeOps.CpuTimeResult;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.suite.RunContext;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** RT-12: the CPU time the adapter reports ({@code rt.cpu_time}) over a window in which every task waits. */
public class IdleSteps {
    private final RuntimeWorld world;
    private Duration window;
    private double cpuMillis;

    public IdleSteps(RuntimeWorld world) {
        this.world = world;
    }

    /**
     * The window is the widest the adapter's two readings can be apart, from sending the first to
     * reading the second, so a load that slows the runner can only make the share look smaller, never larger.
     */
    @When("I read the adapter's CPU time before and after giving {blockOn} {int} ms")
    public void readCpuTimeAround(String executor, int millis) {
        Outcome<CpuTimeResult> before = cpuTime();
        world.look(world.run(executor), millis);
        Outcome<CpuTimeResult> after = cpuTime();
        window = Duration.ofNanos(after.receivedNanos() - before.sentNanos());
        cpuMillis = after.result().cpuMs() - before.result().cpuMs();
    }

    private static Outcome<CpuTimeResult> cpuTime() {
        Outcome<CpuTimeResult> reply = RunContext.client().exchange(RuntimeOps.CPU_TIME, Empty.VALUE);
        ExpectedReplies.succeeded(ExpectedReplies.describe(RuntimeOps.CPU_TIME, Empty.VALUE), reply, "the scenario expected it to succeed");
        return reply;
    }

    @Then("the adapter used less than {int}% of that window on the CPU")
    public void usedLittleCpu(int percent) {
        if (window == null) throw new IllegalStateException("the scenario checks the CPU time before reading it");
        assertThat(cpuMillis * 100)
                .withFailMessage("expected a runtime whose tasks all wait to sleep: the adapter used %.1f ms of CPU during a "
                        + "window of %d ms, %d%% or more", cpuMillis, window.toMillis(), percent)
                .isLessThan(window.toMillis() * (double) percent);
    }
}
