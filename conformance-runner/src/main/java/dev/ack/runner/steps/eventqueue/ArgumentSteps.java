package dev.ack.runner.steps.eventqueue;

import dev.ack.protocol.eventqueue.EventQueueOps;
import dev.ack.protocol.eventqueue.EventQueueOps.PollCloseArgs;
import dev.ack.runner.steps.Attempt;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.steps.OffSchemaArgs;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;

import static dev.ack.runner.steps.eventqueue.EventQueueWorld.THE_POLL_INSTANCE;

/** Requests with malformed args or handles the adapter must not know, written out as JSON. */
public class ArgumentSteps {
    /** A handle no adapter issues in a run: the largest integer JSON keeps exact. */
    private static final long NEVER_ISSUED = (1L << 53) - 1;

    private final EventQueueWorld world;

    public ArgumentSteps(EventQueueWorld world) {
        this.world = world;
    }

    /** {@code {poll}}, {@code {events}}, {@code {waker}}, {@code {source A}}, {@code {poll Q}}, {@code {never issued}}. */
    @When("I try to send {word} with the args:")
    public void iTryToSendWithTheArgs(String op, String json) {
        world.setAttempt(Attempt.sendOffSchema(op, OffSchemaArgs.object(json, this::handle)));
    }

    @Given("poll instance {string} has been closed")
    public void pollInstanceHasBeenClosed(String name) {
        ExpectedReplies.succeed(EventQueueOps.POLL_CLOSE, new PollCloseArgs(world.pollInstance(name)));
    }

    private long handle(String name) {
        return switch (name) {
            case "poll" -> world.pollInstance(THE_POLL_INSTANCE);
            case "events" -> world.events();
            case "waker" -> world.waker();
            case "never issued" -> NEVER_ISSUED;
            default -> {
                if (name.startsWith("source ")) yield world.source(name.substring("source ".length())).handle();
                if (name.startsWith("poll ")) yield world.pollInstance(name.substring("poll ".length()));
                throw new IllegalArgumentException("the scenario names a handle the steps do not know: {" + name + "}");
            }
        };
    }
}
