package dev.ack.runner.steps.coroutines;

import dev.ack.protocol.coroutines.CoroutinesOps;
import dev.ack.protocol.coroutines.CoroutinesOps.CreateArgs;
import dev.ack.protocol.coroutines.CoroutinesOps.PollArgs;
import dev.ack.protocol.coroutines.CoroutinesOps.PollResult;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.steps.Attempt;
import dev.ack.runner.steps.ExpectedReplies;
import dev.ack.runner.suite.RunContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one coroutines scenario: the coroutines the adapter created, under the names the
 * scenario uses, their programs' http delays, and every poll made so far with its result and trace.
 */
public class CoroutineWorld {
    /** The coroutine that steps without a name refer to. */
    static final String THE_COROUTINE = "the coroutine";

    /**
     * One {@code co.poll}: Ready with a value or Pending (value null), the trace entries it reported, and
     * when its request was written and its reply read ({@link System#nanoTime()}).
     */
    record Poll(String coroutine, boolean ready, String value, List<CoroutineTraceEntry> trace, long sentNanos, long receivedNanos) {
        Duration elapsed() { return Duration.ofNanos(receivedNanos - sentNanos); }

        String describe() {
            return (ready ? "Ready with \"" + value + "\"" : "Pending") + " after " + elapsed().toMillis()
                    + " ms, with the trace:\n" + CoroutineTrace.describe(trace);
        }
    }

    private final ProgramWorld programs;
    private final Map<String, Long> handles = new HashMap<>();
    private final Map<String, CoroutineProgram> programsByName = new HashMap<>();
    private final List<Poll> polls = new ArrayList<>();

    public CoroutineWorld(ProgramWorld programs) {
        this.programs = programs;
    }

    void create(String name, String programText) {
        CoroutineProgram program = programs.program(programText);
        long handle = ExpectedReplies.succeed(CoroutinesOps.CREATE, new CreateArgs(program.instructions())).coroutine();
        handles.put(name, handle);
        programsByName.put(name, program);
    }

    /** Sends {@code co.create} with a program the scenario expects to be refused. */
    Attempt tryCreate(String programText) {
        return Attempt.send(CoroutinesOps.CREATE, new CreateArgs(programs.program(programText).instructions()));
    }

    CoroutineProgram program(String name) {
        CoroutineProgram program = programsByName.get(name);
        if (program == null) throw new IllegalStateException("the scenario uses coroutine \"" + name + "\" before creating it");
        return program;
    }

    /** Polls {@code name} once; a reply that is neither Ready with a value nor Pending without one fails (CO-03). */
    Poll poll(String name) {
        Outcome<PollResult> reply = attemptPoll(name);
        PollResult result = ExpectedReplies.succeeded("polling coroutine \"" + name + "\"", reply, "expected Ready or Pending");
        if (result.ready() == (result.value() == null)) {
            throw new AssertionError("a poll returns Ready with a string value, or Pending without a value; "
                    + "the adapter sent ready " + result.ready() + " and value " + result.value());
        }
        Poll poll = new Poll(name, result.ready(), result.value(), result.trace() == null ? List.of() : List.copyOf(result.trace()),
                reply.sentNanos(), reply.receivedNanos());
        polls.add(poll);
        return poll;
    }

    Outcome<PollResult> attemptPoll(String name) {
        Long handle = handles.get(name);
        if (handle == null) throw new IllegalStateException("the scenario polls coroutine \"" + name + "\" before creating it");
        return RunContext.client().exchange(CoroutinesOps.POLL, new PollArgs(handle));
    }

    Poll lastPoll() {
        if (polls.isEmpty()) throw new IllegalStateException("the scenario checks a poll before polling");
        return polls.getLast();
    }

    /** Every trace entry of every poll of {@code name}, in order. */
    List<CoroutineTraceEntry> traceOf(String name) {
        return tracesByPoll(name).stream().flatMap(List::stream).toList();
    }

    /** The trace of each poll of {@code name}, in order. */
    List<List<CoroutineTraceEntry>> tracesByPoll(String name) {
        return polls.stream().filter(p -> p.coroutine().equals(name)).map(Poll::trace).toList();
    }
}
