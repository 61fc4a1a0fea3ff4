package dev.ack.runner.steps.pinning;

import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.pinning.PinningOps;
import dev.ack.protocol.pinning.PinningOps.Field;
import dev.ack.protocol.pinning.PinningOps.NewArgs;
import dev.ack.protocol.pinning.PinningOps.Pinning;
import dev.ack.protocol.pinning.PinningOps.ReadResult;
import dev.ack.protocol.pinning.PinningOps.ReplaceFieldArgs;
import dev.ack.protocol.pinning.PinningOps.SwapArgs;
import dev.ack.protocol.pinning.PinningOps.ValueArgs;
import dev.ack.protocol.pinning.PinningOps.WriteThroughArgs;
import dev.ack.runner.steps.Attempt;
import dev.ack.runner.steps.ExpectedReplies;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Chapter 9's {@code MaybeSelfRef}: values at real addresses, initialised, written through, moved, swapped and pinned. */
public class ValueSteps {
    /** A value's place: three 64-bit fields from its address (spec/pinning.md). */
    private static final long VALUE_BYTES = 24;

    private final PinningWorld world;
    /** The places other values had while a pinned value stayed (PN-13); null before they are made. */
    private List<Long> othersPlaces;

    public ValueSteps(PinningWorld world) {
        this.world = world;
    }

    @Given("a value {string} {pinning}")
    public void aValue(String name, Pinning pinning) {
        world.create(name, pinning, false);
    }

    @Given("a movable value {string} {pinning}")
    public void aMovableValue(String name, Pinning pinning) {
        world.create(name, pinning, true);
    }

    @Given("value {string} is initialised")
    public void isInitialised(String name) {
        ExpectedReplies.succeed(PinningOps.INIT, world.value(name));
    }

    @When("I write {long} through the self-reference of {string}")
    public void iWriteThrough(long number, String name) {
        ExpectedReplies.succeed(PinningOps.WRITE_THROUGH, new WriteThroughArgs(world.value(name).value(), number));
    }

    @When("I try to write {long} through the self-reference of {string}")
    public void iTryToWriteThrough(long number, String name) {
        world.tried(Attempt.send(PinningOps.WRITE_THROUGH, new WriteThroughArgs(world.value(name).value(), number)));
    }

    @When("I drop value {string}")
    public void iDrop(String name) {
        ExpectedReplies.succeed(PinningOps.DROP, world.value(name));
    }

    @When("I try to read value {string}")
    public void iTryToRead(String name) {
        world.tried(Attempt.send(PinningOps.READ, world.value(name)));
    }

    @When("I move value {string}")
    public void iMove(String name) {
        ExpectedReplies.succeed(PinningOps.MOVE, world.value(name));
    }

    @When("I try to move value {string}")
    public void iTryToMove(String name) {
        world.tried(Attempt.send(PinningOps.MOVE, world.value(name)));
    }

    @When("I move value {string} through the escape hatch")
    public void iMoveUnchecked(String name) {
        ExpectedReplies.succeed(PinningOps.MOVE_UNCHECKED, world.value(name));
    }

    @When("I swap {string} and {string}")
    public void iSwap(String one, String other) {
        ExpectedReplies.succeed(PinningOps.SWAP, swap(one, other));
    }

    @When("I try to swap {string} and {string}")
    public void iTryToSwap(String one, String other) {
        world.tried(Attempt.send(PinningOps.SWAP, swap(one, other)));
    }

    @When("I replace field {field} of {string} with {long}")
    public void iReplaceField(Field field, String name, long number) {
        ExpectedReplies.succeed(PinningOps.REPLACE_FIELD, new ReplaceFieldArgs(world.value(name).value(), field, number));
    }

    @When("I try to replace field {field} of {string} with {long}")
    public void iTryToReplaceField(Field field, String name, long number) {
        world.tried(Attempt.send(PinningOps.REPLACE_FIELD, new ReplaceFieldArgs(world.value(name).value(), field, number)));
    }

    @When("the scope of the pin of {string} ends")
    public void theScopeEnds(String name) {
        ExpectedReplies.succeed(PinningOps.SCOPE_END, world.value(name));
    }

    @When("I try to end the scope of the pin of {string}")
    public void iTryToEndTheScope(String name) {
        world.tried(Attempt.send(PinningOps.SCOPE_END, world.value(name)));
    }

    /** PN-13: the places of values that come and go while another is pinned, each created and each moved to. */
    @When("{int} values not pinned are created, moved and dropped one after the other")
    public void valuesComeAndGo(int count) {
        List<Long> places = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ValueArgs value = ExpectedReplies.succeed(PinningOps.NEW, new NewArgs(Pinning.NONE, null));
            places.add(ExpectedReplies.succeed(PinningOps.READ, value).address());
            places.add(ExpectedReplies.succeed(PinningOps.MOVE, value).address());
            ExpectedReplies.succeed(PinningOps.DROP, value);
        }
        othersPlaces = places;
    }

    @Then("none of them overlapped {string}")
    public void noneOverlapped(String name) {
        if (othersPlaces == null) throw new IllegalStateException("the scenario checks other values before creating them");
        long pinned = world.read(name).address();
        List<Long> overlapping = othersPlaces.stream()
                .filter(place -> place < pinned + VALUE_BYTES && pinned < place + VALUE_BYTES).toList();
        assertThat(overlapping)
                .withFailMessage("\"%s\" is pinned at %d, yet other values were given places overlapping it: %s",
                        name, pinned, overlapping)
                .isEmpty();
    }

    @Then("the attempt succeeds")
    public void theAttemptSucceeds() {
        world.attempt().assertSucceeded();
    }

    @Then("the attempt fails with {errorKind}")
    public void theAttemptFails(ErrorKind kind) {
        world.attempt().assertFailedWith(kind);
    }

    @Then("{string} reads a = {long}")
    public void readsA(String name, long expected) {
        ReadResult read = world.read(name);
        assertThat(read.a()).withFailMessage("expected a of \"%s\" to be %d, the value reads %s", name, expected, read).isEqualTo(expected);
    }

    @Then("the self-reference of {string} reads {long}")
    public void theSelfReferenceReads(String name, long expected) {
        ReadResult read = world.read(name);
        assertThat(read.throughB()).withFailMessage("expected the integer at b of \"%s\" to be %d, the value reads %s", name, expected, read)
                .isEqualTo(expected);
    }

    @Then("{string} has label {long}")
    public void hasLabel(String name, long expected) {
        ReadResult read = world.read(name);
        assertThat(read.label()).withFailMessage("expected label of \"%s\" to be %d, the value reads %s", name, expected, read)
                .isEqualTo(expected);
    }

    @Then("the self-reference of {string} points at its own a")
    public void pointsAtItsOwnA(String name) {
        ReadResult read = world.read(name);
        assertThat(read.b()).withFailMessage("expected b of \"%s\" to point at its own a (%d), the value reads %s",
                name, read.aAddress(), read).isEqualTo(read.aAddress());
    }

    @Then("the self-reference of {string} points at its old place")
    public void pointsAtItsOldPlace(String name) {
        ReadResult read = world.read(name);
        long old = world.atCreation(name).aAddress();
        assertThat(read.b()).withFailMessage("after the move, expected b of \"%s\" to still point at the a of its old place (%d), "
                + "not at its own (%d): a move copies bytes and fixes up nothing; the value reads %s", name, old,
                read.aAddress(), read).isEqualTo(old);
    }

    @Then("the self-reference of {string} points at the a of {string}")
    public void pointsAtTheAOf(String name, String other) {
        ReadResult read = world.read(name);
        ReadResult target = world.read(other);
        assertThat(read.b()).withFailMessage("expected b of \"%s\" to point at the a of \"%s\" (%d), the value reads %s",
                name, other, target.aAddress(), read).isEqualTo(target.aAddress());
    }

    @Then("{string} has no self-reference")
    public void hasNoSelfReference(String name) {
        ReadResult read = world.read(name);
        assertThat(read.b()).withFailMessage("expected b of \"%s\" to be null, the value reads %s", name, read).isNull();
    }

    @Then("{string} is still where it was created")
    public void isStillWhereItWasCreated(String name) {
        ReadResult read = world.read(name);
        assertThat(read.address()).withFailMessage("expected \"%s\" to stay at %d, it is at %d", name,
                world.atCreation(name).address(), read.address()).isEqualTo(world.atCreation(name).address());
    }

    @Then("{string} is no longer where it was created")
    public void isNoLongerWhereItWasCreated(String name) {
        ReadResult read = world.read(name);
        assertThat(read.address()).withFailMessage("expected the move to give \"%s\" a new place, it is still at %d",
                name, read.address()).isNotEqualTo(world.atCreation(name).address());
    }

    private SwapArgs swap(String one, String other) {
        return new SwapArgs(world.value(one).value(), world.value(other).value());
    }
}
