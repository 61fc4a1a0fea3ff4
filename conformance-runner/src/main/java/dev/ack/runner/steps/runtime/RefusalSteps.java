package dev.ack.runner.steps.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.runtime.RuntimeOps;
import dev.ack.protocol.runtime.RuntimeOps.LeafReadyArgs;
import dev.ack.protocol.runtime.RuntimeOps.RunWaitArgs;
import dev.ack.protocol.runtime.RuntimeOps.Wake;
import dev.ack.runner.steps.Attempt;
import io.cucumber.java.en.Then;

/** RT-15 and RT-16: requests the runtime refuses, each with the protocol's kind. */
public class RefusalSteps {

    @Then("initialising the runtime again fails with {errorKind}")
    public void initialisingAgainFails(ErrorKind expected) {
        Attempt.send(RuntimeOps.INIT, Empty.VALUE).assertFailedWith(expected);
    }

    @Then("waiting for a block_on the adapter never issued fails with {errorKind}")
    public void waitingForARunNeverIssuedFails(ErrorKind expected) {
        Attempt.send(RuntimeOps.RUN_WAIT, new RunWaitArgs(Attempt.NEVER_ISSUED, 0)).assertFailedWith(expected);
    }

    @Then("making leaf {word} ready, woken {wake}, fails with {errorKind}")
    public void makingALeafReadyFails(String leaf, Wake wake, ErrorKind expected) {
        Attempt.send(RuntimeOps.LEAF_READY, new LeafReadyArgs(leaf, "", wake)).assertFailedWith(expected);
    }

    /** A wake word the schema does not allow, sent as it is. */
    @Then("making leaf {word} ready, woken {string}, fails with {errorKind}")
    public void makingALeafReadyWithABadWordFails(String leaf, String word, ErrorKind expected) {
        ObjectNode args = Codec.JSON.createObjectNode().put("name", leaf).put("value", "").put("wake", word);
        Attempt.sendOffSchema(RuntimeOps.LEAF_READY.name(), args).assertFailedWith(expected);
    }
}
