package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.eventqueue.EventQueueOps;
import dev.ack.protocol.eventqueue.EventQueueOps.DeregisterArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.RegisterArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.SourceCloseArgs;
import dev.ack.runner.steps.ExpectedReplies;
import io.cucumber.java.en.When;

import static dev.ack.runner.steps.eventqueue.EventQueueWorld.THE_POLL_INSTANCE;

/**
 * Register, reregister and deregister through the registry, and closing a source's OS handle;
 * {@link FailureSteps} checks the errors of the "I try to …" steps.
 */
public class RegistrationSteps {
    private final EventQueueWorld world;

    public RegistrationSteps(EventQueueWorld world) {
        this.world = world;
    }

    private RegisterArgs registration(String source, long token, Interests interests, Mode mode) {
        return EventQueueWorld.registration(world.pollInstance(THE_POLL_INSTANCE), world.source(source).handle(), token,
                interests, mode);
    }

    private DeregisterArgs deregistration(String poll, String source) {
        return new DeregisterArgs(world.pollInstance(poll), world.source(source).handle());
    }

    @When("I register source {string} with token {long} for {interests}")
    public void iRegister(String source, long token, Interests interests) {
        world.register(EventQueueOps.REGISTER, world.source(source), token, interests, Mode.LEVEL_TRIGGERED);
    }

    @When("I register source {string} with token {long} for {interests}, {mode}")
    public void iRegister(String source, long token, Interests interests, Mode mode) {
        world.register(EventQueueOps.REGISTER, world.source(source), token, interests, mode);
    }

    @When("I reregister source {string} with token {long} for {interests}")
    public void iReregister(String source, long token, Interests interests) {
        iReregister(source, token, interests, Mode.LEVEL_TRIGGERED);
    }

    @When("I reregister source {string} with token {long} for {interests}, {mode}")
    public void iReregister(String source, long token, Interests interests, Mode mode) {
        world.register(EventQueueOps.REREGISTER, world.source(source), token, interests, mode);
    }

    @When("I deregister source {string}")
    public void iDeregister(String source) {
        ExpectedReplies.succeed(EventQueueOps.DEREGISTER, deregistration(THE_POLL_INSTANCE, source));
    }

    @When("I try to register source {string} with token {long} for {interests}")
    public void iTryToRegister(String source, long token, Interests interests) {
        iTryToRegister(source, token, interests, Mode.LEVEL_TRIGGERED);
    }

    @When("I try to register source {string} with token {long} for {interests}, {mode}")
    public void iTryToRegister(String source, long token, Interests interests, Mode mode) {
        world.attempt(EventQueueOps.REGISTER, registration(source, token, interests, mode));
    }

    @When("I try to reregister source {string} with token {long} for {interests}")
    public void iTryToReregister(String source, long token, Interests interests) {
        world.attempt(EventQueueOps.REREGISTER, registration(source, token, interests, Mode.LEVEL_TRIGGERED));
    }

    @When("I try to deregister source {string}")
    public void iTryToDeregister(String source) {
        world.attempt(EventQueueOps.DEREGISTER, deregistration(THE_POLL_INSTANCE, source));
    }

    @When("I try to deregister source {string} from {string}")
    public void iTryToDeregisterFrom(String source, String poll) {
        world.attempt(EventQueueOps.DEREGISTER, deregistration(poll, source));
    }

    /** Closes the OS handle inside the adapter; the handle number stays known (protocol.md §5). */
    @When("the adapter closes source {string}")
    public void theAdapterClosesSource(String source) {
        ExpectedReplies.succeed(EventQueueOps.SOURCE_CLOSE, new SourceCloseArgs(world.source(source).handle()));
    }
}
