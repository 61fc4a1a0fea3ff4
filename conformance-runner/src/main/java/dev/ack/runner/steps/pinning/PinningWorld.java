package dev.ack.runner.steps.pinning;

import dev.ack.protocol.Empty;
import dev.ack.protocol.pinning.PinningOps;
import dev.ack.protocol.pinning.PinningOps.NewArgs;
import dev.ack.protocol.pinning.PinningOps.Pinning;
import dev.ack.protocol.pinning.PinningOps.ReadResult;
import dev.ack.protocol.pinning.PinningOps.RunResult;
import dev.ack.protocol.pinning.PinningOps.ValueArgs;
import dev.ack.runner.steps.Attempt;
import dev.ack.runner.steps.ExpectedReplies;

import java.util.HashMap;
import java.util.Map;

/**
 * The state of one pinning scenario: the values the adapter created under the names the scenario uses,
 * where each was when it was created, the blocks the area held when the scenario counted them, the last
 * run of the buffer program and the last request that was allowed to fail.
 */
public class PinningWorld {
    private final Map<String, Long> handles = new HashMap<>();
    private final Map<String, ReadResult> atCreation = new HashMap<>();
    private Long blocksBefore;
    private RunResult run;
    private Attempt attempt;

    void create(String name, Pinning pinning, boolean movable) {
        long handle = ExpectedReplies.succeed(PinningOps.NEW, new NewArgs(pinning, movable ? Boolean.TRUE : null)).value();
        handles.put(name, handle);
        atCreation.put(name, read(name));
    }

    ValueArgs value(String name) {
        Long handle = handles.get(name);
        if (handle == null) throw new IllegalStateException("the scenario uses value \"" + name + "\" before creating it");
        return new ValueArgs(handle);
    }

    ReadResult read(String name) {
        return ExpectedReplies.succeed(PinningOps.READ, value(name));
    }

    /** The value's fields as they were right after {@code pn.new}, before anything moved it. */
    ReadResult atCreation(String name) {
        ReadResult read = atCreation.get(name);
        if (read == null) throw new IllegalStateException("the scenario uses value \"" + name + "\" before creating it");
        return read;
    }

    long blocks() {
        return ExpectedReplies.succeed(PinningOps.LIVE, Empty.VALUE).blocks();
    }

    void countBlocks() {
        blocksBefore = blocks();
    }

    long blocksBefore() {
        if (blocksBefore == null) throw new IllegalStateException("the scenario compares blocks before counting them");
        return blocksBefore;
    }

    void ran(RunResult result) {
        run = result;
    }

    RunResult run() {
        if (run == null) throw new IllegalStateException("the scenario checks a run before running the buffer program");
        return run;
    }

    void tried(Attempt attempt) {
        this.attempt = attempt;
    }

    Attempt attempt() {
        return Attempt.last(attempt);
    }
}
