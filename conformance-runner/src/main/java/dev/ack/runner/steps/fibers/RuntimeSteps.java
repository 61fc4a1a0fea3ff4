package dev.ack.runner.steps.fibers;

import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.fibers.FibersOps;
import dev.ack.runner.steps.Subject;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.time.Duration;

/** Runtimes, the programs the base context runs on them, and calls with no runtime at all. */
public class RuntimeSteps {
    private final FibersWorld world;

    public RuntimeSteps(FibersWorld world) {
        this.world = world;
    }

    @Given("a fiber runtime")
    public void aFiberRuntime() {
        world.createRuntime(null, null);
    }

    @Given("a fiber runtime with {int} slots")
    public void aFiberRuntimeWithSlots(int slots) {
        world.createRuntime(slots, null);
    }

    @Given("a fiber runtime with stacks of {int} KiB")
    public void aFiberRuntimeWithStacks(int kib) {
        world.createRuntime(null, kib);
    }

    @Given("a fiber runtime with {int} slots and stacks of {int} KiB")
    public void aFiberRuntimeWithSlotsAndStacks(int slots, int kib) {
        world.createRuntime(slots, kib);
    }

    @When("I try to create a fiber runtime with {int} slots")
    public void iTryToCreateAFiberRuntimeWithSlots(int slots) {
        world.attemptRuntime(slots, null);
    }

    @When("I try to create a fiber runtime with stacks of {long} bytes")
    public void iTryToCreateAFiberRuntimeWithStacksOf(long bytes) {
        world.attemptRuntime(null, bytes);
    }

    /** The program as the protocol's JSON array of instructions (§6), to send one that is malformed on purpose. */
    @When("I try to run the program:")
    public void iTryToRunTheProgram(String json) {
        world.attemptRun(json);
    }

    @When("the base context runs:")
    public void theBaseContextRuns(String program) {
        world.run(FiberProgram.parse(program), null);
    }

    @When("the base context runs, which may take up to {int} s:")
    public void theBaseContextRunsForUpTo(int seconds, String program) {
        Subject.mustReturn("the program to finish within " + seconds + " s",
                () -> world.run(FiberProgram.parse(program), Duration.ofSeconds(seconds)));
    }

    @When("I call {call} with no runtime initialised")
    public void iCallWithNoRuntimeInitialised(FibersOps.Call call) {
        world.attemptOutsideRuntime(call);
    }

    /** An operation of the implementation that needs a runtime, by the protocol's name for it. */
    @ParameterType("yield|spawn")
    public FibersOps.Call call(String name) {
        return FibersOps.Call.valueOf(name.toUpperCase());
    }

    @Then("the call fails with {errorKind}")
    public void theCallFailsWith(ErrorKind expected) {
        world.lastAttempt().assertFailedWith(expected);
    }
}
