package dev.ack.runner.fuzz;

import dev.ack.protocol.Area;
import dev.ack.protocol.Capability;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.coroutines.CoroutinesOps;
import dev.ack.protocol.coroutines.CoroutinesOps.CreateArgs;
import dev.ack.protocol.coroutines.CoroutinesOps.PollArgs;
import dev.ack.protocol.coroutines.CoroutinesOps.PollResult;
import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.protocol.programs.CoroutineTraceEntry;
import dev.ack.protocol.programs.LeafReadyArgs;
import dev.ack.runner.adapter.Handshake;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.adapter.ProtocolClient;
import dev.ack.runner.fuzz.CoroutineCase.Step;
import dev.ack.runner.steps.coroutines.CoroutineProgram;
import dev.ack.runner.steps.coroutines.CoroutineTrace;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Coroutines in {@code kit fuzz} (chapter 7: the runner polls, protocol.md §7.1): a case is a program
 * and the polls and leaves made ready that drive it; the result is what each step answered: Ready
 * with a value, Pending, or an error's kind (PolledAfterReady after Ready, CO-05), with the poll's
 * trace, compared in the order the spec fixes ({@link CoroutineTraceOrder}).
 */
final class CoroutineFuzz implements FuzzArea<CoroutineCase, List<CoroutineFuzz.Answer>> {

    /** What one step answered. */
    sealed interface Answer {
        /**
         * A poll's reply.
         *
         * @param value its value when Ready, null when Pending
         * @param trace its trace
         */
        record Polled(String value, List<CoroutineTraceEntry> trace) implements Answer {}

        /**
         * A poll's error reply.
         *
         * @param kind its kind
         */
        record Failed(ErrorKind kind) implements Answer {}

        /** A leaf made ready. */
        record Readied() implements Answer {}
    }

    /** The one-step-smaller edits of a coroutine program, the wakers area's too. */
    static final BlockEdits<CoroutineInstruction> EDITS =
            new BlockEdits<>(CoroutineFuzz::body, CoroutineFuzz::withBody, CoroutineFuzz::simpler);

    @Override
    public Area area() { return Area.COROUTINES; }

    @Override
    public Gen<CoroutineCase> cases(Handshake implementation, Handshake reference) {
        return CoroutineCases.cases(implementation.claimsCapability(Capability.JOINED_VALUES)
                && reference.claimsCapability(Capability.JOINED_VALUES));
    }

    @Override
    public List<Answer> run(ProtocolClient client, CoroutineCase c) {
        long coroutine = client.call(CoroutinesOps.CREATE, new CreateArgs(c.program())).coroutine();
        List<Answer> answers = new ArrayList<>();
        for (Step step : c.steps()) {
            answers.add(switch (step) {
                case Step.Poll ignored -> poll(client.exchange(CoroutinesOps.POLL, new PollArgs(coroutine)));
                case Step.Ready ready -> {
                    client.call(CoroutinesOps.LEAF_READY, new LeafReadyArgs(ready.leaf(), ready.value()));
                    yield new Answer.Readied();
                }
            });
        }
        return answers;
    }

    private static Answer poll(Outcome<PollResult> reply) {
        if (!reply.ok()) return new Answer.Failed(reply.error().kind());
        PollResult result = reply.result();
        if (result.ready() == (result.value() == null)) {
            throw new AssertionError("a poll returns Ready with a value or Pending without one (CO-03); the adapter sent ready "
                    + result.ready() + " and value " + result.value());
        }
        return new Answer.Polled(result.value(), result.trace() == null ? List.of() : List.copyOf(result.trace()));
    }

    @Override
    public List<String> comparable(CoroutineCase c, List<Answer> answers) {
        CoroutineTraceOrder order = new CoroutineTraceOrder(c.program());
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            switch (answers.get(i)) {
                case Answer.Polled polled -> {
                    lines.add("poll: " + (polled.value() == null ? "Pending" : "Ready with \"" + polled.value() + "\""));
                    order.views(polled.trace()).forEach(view -> lines.add("  " + view));
                }
                case Answer.Failed failed -> lines.add("poll: fails with " + failed.kind());
                case Answer.Readied ignored -> lines.add("leaf " + ((Step.Ready) c.steps().get(i)).leaf() + " made ready");
            }
        }
        return lines;
    }

    /** Fewer steps first (each one), then smaller programs that are still valid. */
    @Override
    public List<CoroutineCase> smaller(CoroutineCase c) {
        List<CoroutineCase> smaller = new ArrayList<>();
        for (int i = 0; i < c.steps().size(); i++) {
            List<Step> steps = new ArrayList<>(c.steps());
            steps.remove(i);
            smaller.add(new CoroutineCase(c.program(), List.copyOf(steps)));
        }
        EDITS.of(c.program()).stream().filter(CoroutineRules::valid).forEach(program -> smaller.add(new CoroutineCase(program, c.steps())));
        return smaller;
    }

    @Override
    public String scenario(String id, String title, CoroutineCase c, List<Answer> expected) {
        CoroutineTraceOrder order = new CoroutineTraceOrder(c.program());
        // "the coroutine is Pending" is a timing check (a response that came early could explain it): @timing
        StringBuilder text = Gherkin.heading(id, List.of("@timing"), title).append("    Given a coroutine with this program:\n");
        Gherkin.docString(text, CoroutineProgram.write(c.program()));
        for (int i = 0; i < expected.size(); i++) {
            switch (expected.get(i)) {
                case Answer.Polled polled -> {
                    text.append("    When I poll the coroutine\n    Then the coroutine is ")
                            .append(polled.value() == null ? "Pending" : "Ready with \"" + polled.value() + "\"").append('\n')
                            .append("    And the poll's trace is").append(order.hasFreeOrder(polled.trace()) ? ", in any order" : "").append(":\n");
                    Gherkin.docString(text, String.join("\n", CoroutineTrace.render(polled.trace())));
                }
                case Answer.Failed failed -> text.append("    Then polling the coroutine fails with ").append(failed.kind()).append('\n');
                case Answer.Readied ignored -> {
                    Step.Ready ready = (Step.Ready) c.steps().get(i);
                    text.append("    When leaf ").append(ready.leaf()).append(" becomes ready with \"").append(ready.value()).append("\"\n");
                }
            }
        }
        return text.toString();
    }

    private static Optional<List<CoroutineInstruction>> body(CoroutineInstruction instruction) {
        return instruction instanceof CoroutineInstruction.Create create ? Optional.of(create.program()) : Optional.empty();
    }

    private static CoroutineInstruction withBody(CoroutineInstruction instruction, List<CoroutineInstruction> body) {
        return new CoroutineInstruction.Create(((CoroutineInstruction.Create) instruction).name(), body);
    }

    /** A wait or join_all that keeps no value, a join_all of one child fewer. */
    private static List<CoroutineInstruction> simpler(CoroutineInstruction instruction) {
        List<CoroutineInstruction> simpler = new ArrayList<>();
        switch (instruction) {
            case CoroutineInstruction.Wait wait when wait.into() != null -> simpler.add(new CoroutineInstruction.Wait(wait.leaf(), wait.child(), null));
            case CoroutineInstruction.JoinAll join -> {
                if (join.into() != null) simpler.add(new CoroutineInstruction.JoinAll(join.children(), null));
                for (int i = 0; i < join.children().size(); i++) {
                    List<String> fewer = new ArrayList<>(join.children());
                    fewer.remove(i);
                    simpler.add(new CoroutineInstruction.JoinAll(List.copyOf(fewer), join.into()));
                }
            }
            default -> { }
        }
        return simpler;
    }
}
