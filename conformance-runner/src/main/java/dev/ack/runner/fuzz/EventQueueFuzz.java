package dev.ack.runner.fuzz;

import dev.ack.protocol.Area;
import dev.ack.protocol.Capability;
import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.eventqueue.EventQueueOps;
import dev.ack.protocol.eventqueue.EventQueueOps.ConnectArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.DeregisterArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.Event;
import dev.ack.protocol.eventqueue.EventQueueOps.EventsNewArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.PollArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.ReadArgs;
import dev.ack.protocol.eventqueue.EventQueueOps.ReadResult;
import dev.ack.protocol.eventqueue.EventQueueOps.RegisterArgs;
import dev.ack.runner.adapter.Handshake;
import dev.ack.runner.adapter.Outcome;
import dev.ack.runner.adapter.ProtocolClient;
import dev.ack.runner.fuzz.EventQueueCase.Step;
import dev.ack.runner.fuzz.EventQueueRules.Expectation;
import dev.ack.runner.fuzz.EventQueueRules.Flags;
import dev.ack.runner.peers.TcpPeer;
import dev.ack.runner.steps.eventqueue.Mode;
import org.quicktheories.core.Gen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The event queue in {@code kit fuzz} (chapter 4): a case is sources on loopback TCP whose peers the runner
 * holds, and random registration steps, peer actions, reads and polls ({@link EventQueueCases}).
 * <p>
 * A plain comparison of two runs' events would be unsound twice over: on timing (a poll made before a
 * peer's bytes arrived sees less), and on what the spec leaves free (the order of events, which ready
 * sources a full poll reports, whether a reregister counts as an edge). So:
 * <ul>
 *   <li>every peer action is <em>settled</em> before the next step: the runner waits until the kernel
 *       shows that the adapter's end has it ({@link Delivery}); a poll then sees every wake-up it caused,
 *       whatever the timing, and polls without a timeout when nothing is due (else with a short one,
 *       which a correct implementation does not wait out, since what is due is ready already);</li>
 *   <li>each run is checked step by step against what the spec fixes ({@link EventQueueRules}), given
 *       the run's own free choices (which ready sources a full poll took): the comparable lines are what
 *       the spec does not allow, so the reference's are none, and an implementation's differ only where
 *       it breaks a rule.</li>
 * </ul>
 * Left out, because they cannot be made sound here: writable interest on edge-triggered registrations
 * (epoll reports a socket's whole readiness on any wake-up, so a writable-only edge registration is
 * reported again when the peer's end of stream arrives, and a readable edge carries writable: the spec
 * fixes neither), oneshot combined with edge triggering, a peer's reset (after a read has taken the
 * pending error, what the flags say depends on which read took it), wakers (EQ-24 to EQ-25 are about
 * another thread's timing), and the fairness of level-triggered sources beyond capacity (EQ-20 says they
 * are not lost, but not within how many polls: only edge-triggered transitions are counted as owed).
 */
final class EventQueueFuzz implements FuzzArea<EventQueueCase, EventQueueRun> {
    /** The timeout of a poll that has something due: a correct implementation returns at once. */
    private static final long DUE_TIMEOUT_MILLIS = 100;
    /** The token a shrunk case's registrations take where they can. */
    private static final long SMALL_TOKEN = 1;

    @Override
    public Area area() { return Area.EVENT_QUEUE; }

    @Override
    public String unfit(Handshake implementation) {
        return Delivery.observable() ? null : "it needs /proc/net/tcp (Linux) to know when a peer's bytes have reached the adapter";
    }

    @Override
    public Gen<EventQueueCase> cases(Handshake implementation, Handshake reference) {
        return EventQueueCases.cases(new EventQueueCases.Claims(both(implementation, reference, Capability.EDGE_TRIGGERED),
                both(implementation, reference, Capability.ONESHOT), both(implementation, reference, Capability.REREGISTER),
                both(implementation, reference, Capability.DEREGISTER), both(implementation, reference, Capability.EVENT_FLAGS)));
    }

    private static boolean both(Handshake implementation, Handshake reference, String capability) {
        return implementation.claimsCapability(capability) && reference.claimsCapability(capability);
    }

    @Override
    public EventQueueRun run(ProtocolClient client, EventQueueCase c) {
        Duration patience = client.session().deadlines().reply();
        EventQueueRules rules = new EventQueueRules(c.sources(), c.flagsCompared());
        List<String> wrong = new ArrayList<>();
        Map<Integer, Expectation> expectations = new TreeMap<>();
        Map<Integer, String> reads = new TreeMap<>();
        Map<Integer, Long> collections = new HashMap<>();
        List<TcpPeer> peers = new ArrayList<>();
        try {
            long poll = client.call(EventQueueOps.POLL_NEW, Empty.VALUE).poll();
            List<Long> sources = new ArrayList<>();
            for (int i = 0; i < c.sources(); i++) {
                TcpPeer peer = TcpPeer.listen();
                peers.add(peer);
                sources.add(client.call(EventQueueOps.CONNECT, new ConnectArgs(peer.host(), peer.port())).source());
                peer.accept(patience);
            }
            for (int i = 0; i < c.steps().size(); i++) {
                String at = "step " + (i + 1) + ", ";
                switch (c.steps().get(i)) {
                    case Step.Register r -> {
                        client.call(r.again() ? EventQueueOps.REREGISTER : EventQueueOps.REGISTER, new RegisterArgs(poll, sources.get(r.source()),
                                r.token(), r.interests().toWire(), r.mode().trigger(), r.mode().oneshot()));
                        rules.register(r);
                    }
                    case Step.Deregister d -> {
                        client.call(EventQueueOps.DEREGISTER, new DeregisterArgs(poll, sources.get(d.source())));
                        rules.deregister(d.source());
                    }
                    case Step.Send s -> {
                        peers.get(s.source()).send(s.text());
                        rules.sent(s.source(), s.text());
                        settle(peers.get(s.source()), rules, s.source(), patience);
                    }
                    case Step.Close close -> {
                        peers.get(close.source()).close();
                        rules.closedByPeer(close.source());
                        settle(peers.get(close.source()), rules, close.source(), patience);
                    }
                    case Step.Read r -> {
                        Outcome<ReadResult> read = client.exchange(EventQueueOps.READ, new ReadArgs(sources.get(r.source()), r.max()));
                        ErrorKind kind = read.ok() ? null : read.error().kind();
                        String data = read.ok() ? read.result().data() : null;
                        boolean eof = read.ok() && read.result().eof();
                        reads.put(i, kind != null ? kind.name() : eof ? EventQueueRun.END_OF_STREAM : data);
                        rules.read(r.source(), r.max(), data, eof, kind == null ? null : kind.name())
                                .ifPresent(why -> wrong.add(at + "a read of source " + EventQueueCase.name(r.source()) + " " + why));
                    }
                    case Step.Poll p -> {
                        Expectation expected = rules.expectation();
                        expectations.put(i, expected);
                        long events = collections.computeIfAbsent(p.capacity(),
                                capacity -> client.call(EventQueueOps.EVENTS_NEW, new EventsNewArgs(capacity)).events());
                        List<Event> got = client.call(EventQueueOps.POLL, new PollArgs(poll, events, timeout(expected), null)).events();
                        List<String> broken = rules.polled(p.capacity(), got);
                        if (!broken.isEmpty()) wrong.add(at + "a poll of capacity " + p.capacity() + " returned " + describe(got) + ": " + String.join("; ", broken));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a peer of the runner: " + e.getMessage(), e);
        } finally {
            peers.forEach(TcpPeer::close);
        }
        return new EventQueueRun(List.copyOf(wrong), expectations, reads);
    }

    private static void settle(TcpPeer peer, EventQueueRules rules, int source, Duration patience) throws IOException {
        Delivery.await(peer.remotePort(), peer.port(), rules.unread(source), rules.closed(source), patience);
    }

    /** No timeout needed when nothing is due; else a short one, ended at once by what is ready. */
    private static long timeout(Expectation expected) {
        return expected.required().isEmpty() ? 0 : DUE_TIMEOUT_MILLIS;
    }

    private static String describe(List<Event> events) {
        return events.stream().map(e -> e.token() + " " + new Flags(e.readable(), e.writable(), e.readClosed()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public List<String> comparable(EventQueueCase c, EventQueueRun run) {
        return run.wrong().isEmpty() ? List.of("every answer as the spec allows") : run.wrong();
    }

    /** Fewer sources, fewer steps, shorter sends, level-triggered modes, small tokens and capacities; each still valid ({@link #valid}). */
    @Override
    public List<EventQueueCase> smaller(EventQueueCase c) {
        List<EventQueueCase> smaller = new ArrayList<>();
        for (int source = 0; source < c.sources() && c.sources() > 1; source++) smaller.add(without(c, source));
        for (int i = 0; i < c.steps().size() - 1; i++) {
            List<Step> steps = new ArrayList<>(c.steps());
            steps.remove(i);
            smaller.add(new EventQueueCase(c.sources(), List.copyOf(steps), c.flagsCompared()));
        }
        for (int i = 0; i < c.steps().size(); i++) {
            Step simpler = switch (c.steps().get(i)) {
                case Step.Send s when s.text().length() > 1 -> new Step.Send(s.source(), s.text().substring(0, 1));
                case Step.Register r when r.mode() != Mode.LEVEL_TRIGGERED -> new Step.Register(r.source(), r.token(), r.interests(), Mode.LEVEL_TRIGGERED, r.again());
                case Step.Register r when r.token() > SMALL_TOKEN -> new Step.Register(r.source(), SMALL_TOKEN, r.interests(), r.mode(), r.again());
                case Step.Poll p when p.capacity() > 1 -> new Step.Poll(p.capacity() - 1);
                default -> null;
            };
            if (simpler == null) continue;
            List<Step> steps = new ArrayList<>(c.steps());
            steps.set(i, simpler);
            smaller.add(new EventQueueCase(c.sources(), List.copyOf(steps), c.flagsCompared()));
        }
        return smaller.stream().filter(EventQueueFuzz::valid).toList();
    }

    /** {@code c} without a source and its steps; the sources after it move down by one. */
    private static EventQueueCase without(EventQueueCase c, int source) {
        List<Step> steps = new ArrayList<>();
        for (Step step : c.steps()) {
            if (step.source() == source) continue;
            steps.add(step.source() < source ? step : switch (step) {
                case Step.Register r -> new Step.Register(r.source() - 1, r.token(), r.interests(), r.mode(), r.again());
                case Step.Deregister d -> new Step.Deregister(d.source() - 1);
                case Step.Send s -> new Step.Send(s.source() - 1, s.text());
                case Step.Close close -> new Step.Close(close.source() - 1);
                case Step.Read r -> new Step.Read(r.source() - 1, r.max());
                case Step.Poll p -> p;
            });
        }
        return new EventQueueCase(c.sources() - 1, List.copyOf(steps), c.flagsCompared());
    }

    /** A case the runner can run as it stands (see {@link EventQueueCase}). */
    static boolean valid(EventQueueCase c) {
        Map<Integer, Long> registered = new HashMap<>();
        Set<Integer> closed = new HashSet<>();
        for (Step step : c.steps()) {
            boolean fits = switch (step) {
                case Step.Register r -> {
                    boolean tokenFree = registered.entrySet().stream().noneMatch(e -> e.getKey() != r.source() && e.getValue() == r.token());
                    boolean ok = r.again() == registered.containsKey(r.source()) && tokenFree
                            && (r.mode() != Mode.EDGE_TRIGGERED || !r.interests().writable());
                    registered.put(r.source(), r.token());
                    yield ok;
                }
                case Step.Deregister d -> registered.remove(d.source()) != null;
                case Step.Send s -> !closed.contains(s.source());
                case Step.Close close -> closed.add(close.source());
                case Step.Read ignored -> true;
                case Step.Poll ignored -> true;
            };
            if (!fits) return false;
        }
        return !c.steps().isEmpty() && c.steps().getLast() instanceof Step.Poll last && last.capacity() >= c.sources();
    }

    /**
     * The case in the steps of features/event-queue. Each poll's checks are what the reference's run had
     * to report there (its expectation), not what it happened to report. Which sources a full poll takes
     * is free, and for an edge-triggered or oneshot source that choice decides what later polls owe it:
     * such a source's token is left unchecked from then on, until a new registration (or, edge-triggered,
     * a new transition) fixes its state again.
     */
    @Override
    public String scenario(String id, String title, EventQueueCase c, EventQueueRun expected) {
        Steps steps = new Steps();
        Set<String> requires = new TreeSet<>();
        Map<Integer, Step.Register> registrations = new HashMap<>();
        Set<Long> unsettled = new HashSet<>();
        int capacity = 0;
        for (int i = 0; i < c.steps().size(); i++) {
            Step step = c.steps().get(i);
            Step.Register current = registrations.get(step.source());
            if (step instanceof Step.Register || step instanceof Step.Deregister) {
                if (current != null) unsettled.remove(current.token());
            } else if ((step instanceof Step.Send || step instanceof Step.Close) && current != null && current.mode() == Mode.EDGE_TRIGGERED) {
                unsettled.remove(current.token());
            }
            switch (step) {
                case Step.Register r -> {
                    registrations.put(r.source(), r);
                    if (r.mode() != Mode.LEVEL_TRIGGERED) requires.add(r.mode() == Mode.EDGE_TRIGGERED ? Capability.EDGE_TRIGGERED : Capability.ONESHOT);
                    if (r.again()) requires.add(Capability.REREGISTER);
                    steps.action("I " + (r.again() ? "re" : "") + "register source \"" + EventQueueCase.name(r.source()) + "\" with token " + r.token()
                            + " for " + r.interests() + (r.mode() == Mode.LEVEL_TRIGGERED ? "" : ", " + r.mode().words()));
                }
                case Step.Deregister d -> {
                    registrations.remove(d.source());
                    requires.add(Capability.DEREGISTER);
                    steps.action("I deregister source \"" + EventQueueCase.name(d.source()) + "\"");
                }
                case Step.Send s -> steps.action("peer \"" + EventQueueCase.name(s.source()) + "\" sends \"" + s.text() + "\"");
                case Step.Close close -> steps.action("peer \"" + EventQueueCase.name(close.source()) + "\" closes the connection");
                case Step.Read r -> {
                    String answer = expected.reads().get(i);
                    String source = "source \"" + EventQueueCase.name(r.source()) + "\"";
                    if (answer.equals(ErrorKind.WouldBlock.name())) {
                        steps.action("I try to read from " + source);
                        steps.check("it fails with WouldBlock");
                    } else {
                        steps.action("I read at most " + r.max() + " bytes from " + source);
                        if (answer.equals(EventQueueRun.END_OF_STREAM)) steps.check("the read reports end of stream");
                    }
                }
                case Step.Poll p -> {
                    if (p.capacity() != capacity) steps.action("an events collection of capacity " + p.capacity());
                    capacity = p.capacity();
                    Expectation expectation = expected.expectations().get(i);
                    steps.action("I poll with a timeout of " + timeout(expectation) + " ms");
                    Expectation checked = unchecking(expectation, unsettled);
                    checks(steps, checked, p.capacity(), requires);
                    if (checked.required().size() + checked.optional().size() > p.capacity()) {
                        registrations.values().stream().filter(r -> r.mode() != Mode.LEVEL_TRIGGERED).map(Step.Register::token)
                                .filter(t -> checked.required().containsKey(t) || checked.optional().contains(t)).forEach(unsettled::add);
                    }
                }
            }
        }
        StringBuilder text = Gherkin.heading(id, requires.stream().map(r -> "@requires:" + r).toList(), title).append("    Given a poll instance\n");
        IntStream.range(0, c.sources()).forEach(s -> text.append("    And a source \"").append(EventQueueCase.name(s)).append("\" connected to a peer\n"));
        return text.append(steps.text).toString();
    }

    /** {@code expected} with the tokens of {@code unsettled} neither required nor forbidden, but optional. */
    private static Expectation unchecking(Expectation expected, Set<Long> unsettled) {
        Map<Long, Flags> required = new TreeMap<>(expected.required());
        Set<Long> optional = new HashSet<>(expected.optional());
        Set<Long> forbidden = new HashSet<>(expected.forbidden());
        for (long token : unsettled) {
            if (required.remove(token) != null || forbidden.remove(token)) optional.add(token);
        }
        return new Expectation(required, optional, forbidden);
    }

    /**
     * A poll's checks: the sources it must report with their flags when everything it may report fits,
     * else that it is full of them; and the tokens it must not report.
     */
    private static void checks(Steps steps, Expectation expected, int capacity, Set<String> requires) {
        if (expected.required().isEmpty() && expected.optional().isEmpty()) {
            steps.check("the poll returns no events");
            return;
        }
        if (expected.required().size() + expected.optional().size() <= capacity) {
            expected.required().forEach((token, flags) -> {
                if (flags.readable() || flags.writable()) steps.check("the poll reports token " + token + " " + readiness(flags.readable(), flags.writable()));
                if (!flags.readable() || !flags.writable()) steps.check("the poll does not report token " + token + " " + readiness(!flags.readable(), !flags.writable()));
                if (flags.readClosed()) {
                    requires.add(Capability.EVENT_FLAGS);
                    steps.check("the poll reports token " + token + " with read_closed");
                }
            });
        } else if (expected.optional().isEmpty()) {
            steps.check("the poll returns " + capacity + " events of tokens " + tokens(expected.required().keySet()));
        }
        new TreeSet<>(expected.forbidden()).forEach(token -> steps.check("the poll does not report token " + token + " readable and writable"));
    }

    /** A scenario's steps, each with the keyword that reads right after the one before: When … And …, Then … And …. */
    private static final class Steps {
        private final StringBuilder text = new StringBuilder();
        private boolean checking = true;

        void action(String step) {
            text.append(checking ? "    When " : "    And ").append(step).append('\n');
            checking = false;
        }

        void check(String step) {
            text.append(checking ? "    And " : "    Then ").append(step).append('\n');
            checking = true;
        }
    }

    private static String readiness(boolean readable, boolean writable) {
        return readable && writable ? "readable and writable" : readable ? "readable" : "writable";
    }

    /** "1, 2 and 3", as the features write a list of tokens. */
    private static String tokens(Set<Long> tokens) {
        List<String> words = tokens.stream().map(String::valueOf).toList();
        return words.size() == 1 ? words.getFirst() : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.getLast();
    }
}
