package dev.ack.runner.doctor;

import dev.ack.protocol.Empty;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.SessionOps;
import dev.ack.runner.adapter.AdapterFault;
import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.adapter.Handshake;
import dev.ack.runner.adapter.LiveSessions;
import dev.ack.runner.adapter.ProtocolClient;
import dev.ack.runner.adapter.RunSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/**
 * Checks the adapter itself against spec/protocol.md: the handshake, request ids, error replies to
 * malformed requests, serving on after errors, only protocol on stdout, and a clean exit both on
 * {@code shutdown} and at the end of input. It starts the adapter twice, both at once (the end-of-input
 * check needs a process of its own, and a second boot in turn would cost seconds). The malformed requests go out raw ({@link AdapterSession#exchangeRaw}); in strict
 * mode the replies to them are still checked against the schema.
 */
public final class Doctor {
    private final RunSettings settings;

    public Doctor(RunSettings settings) {
        this.settings = settings;
    }

    public Diagnosis examine() {
        List<Check> checks = new ArrayList<>();
        Optional<Handshake> handshake = Optional.empty();
        CompletableFuture<Check> endOfInput = CompletableFuture.supplyAsync(this::checkEndOfInput,
                runnable -> Thread.ofPlatform().daemon().name("doctor-end-of-input").start(runnable));
        AdapterSession session;
        try {
            session = start();
        } catch (AdapterFault fault) {
            checks.add(Check.failed(CheckName.HANDSHAKE, fault.getMessage(), hintFor(fault)));
            // the other process fails alike, or ends at its end of input: either way it is gone once this returns
            endOfInput.join();
            return new Diagnosis(checks, handshake);
        }
        handshake = Optional.of(session.handshake());
        checks.add(describeHandshake(session.handshake()));
        try {
            checks.add(checkId(session));
            checks.add(checkMalformedLine(session));
            checks.add(checkUnknownOp(session));
            checks.add(checkServesOn(session));
            checks.add(checkShutdown(session));
        } catch (AdapterFault fault) {
            checks.add(Check.failed(CheckName.PROTOCOL, fault.getMessage(), hintFor(fault)));
            session.close();
        }
        Check ended = endOfInput.join();
        // stopped by a signal: the second adapter was killed, which says nothing of it
        if (!LiveSessions.stopping()) checks.add(ended);
        return new Diagnosis(checks, handshake);
    }

    private AdapterSession start() {
        return AdapterSession.start(settings);
    }

    /** The session checked the handshake against the schema; what is left is whether it says enough. */
    private static Check describeHandshake(Handshake h) {
        if (h.name().isBlank() || h.language().equals("?") || h.version().equals("?")) {
            return Check.failed(CheckName.HANDSHAKE, "name, version and language should all be given: " + h, "see spec/protocol.md §3.1");
        }
        return Check.ok(CheckName.HANDSHAKE, h.toString());
    }

    private static Check checkId(AdapterSession session) {
        AdapterSession.Exchange reply = session.exchangeRaw("{\"id\":4242,\"op\":\"reset\",\"args\":{}}", 4242L);
        return reply.ok() ? Check.ok(CheckName.REQUEST_IDS, "the reply to request 4242 carried id 4242")
                : Check.failed(CheckName.REQUEST_IDS, "`reset` was answered with " + reply.error(), "`reset` must succeed with {}");
    }

    private static Check checkMalformedLine(AdapterSession session) {
        AdapterSession.Exchange reply = session.exchangeRaw("this is not JSON", null);
        return expectBadRequest(CheckName.MALFORMED_LINE, reply, "a line that is not JSON gets {\"id\": null, \"ok\": false, \"error\": {\"kind\": \"BadRequest\", ...}}");
    }

    private static Check checkUnknownOp(AdapterSession session) {
        AdapterSession.Exchange reply = session.exchangeRaw("{\"id\":4243,\"op\":\"no.such_op\",\"args\":{}}", 4243L);
        return expectBadRequest(CheckName.UNKNOWN_OP, reply, "an unknown op gets a BadRequest reply carrying the request's id");
    }

    private static Check expectBadRequest(CheckName name, AdapterSession.Exchange reply, String hint) {
        if (!reply.ok() && reply.error().kind() == ErrorKind.BadRequest) return Check.ok(name, "answered BadRequest");
        return Check.failed(name, "answered " + (reply.ok() ? "with success " + reply.result() : reply.error().toString()), hint);
    }

    private static Check checkServesOn(AdapterSession session) {
        new ProtocolClient(session).call(SessionOps.RESET, Empty.VALUE);
        return Check.ok(CheckName.SERVES_ON, "`reset` succeeded");
    }

    private static Check checkShutdown(AdapterSession session) {
        OptionalInt status = session.shutdownAndWait();
        if (status.isPresent() && status.getAsInt() == 0) return Check.ok(CheckName.SHUTDOWN, "replied and exited with status 0");
        return Check.failed(CheckName.SHUTDOWN, status.isPresent() ? "exited with status " + status.getAsInt() : "still running 2 s after `shutdown`",
                "after replying to `shutdown`, release everything and exit with status 0");
    }

    private Check checkEndOfInput() {
        try {
            AdapterSession session = start();
            OptionalInt status = session.closeInputAndWait();
            if (status.isPresent() && status.getAsInt() == 0) return Check.ok(CheckName.END_OF_INPUT, "exited with status 0 when stdin closed");
            return Check.failed(CheckName.END_OF_INPUT, status.isPresent() ? "exited with status " + status.getAsInt() : "still running 2 s after stdin closed",
                    "when reading stdin returns end of input, exit with status 0 (the runner may have died)");
        } catch (AdapterFault fault) {
            return Check.failed(CheckName.END_OF_INPUT, fault.getMessage(), hintFor(fault));
        }
    }

    private static String hintFor(AdapterFault fault) {
        return switch (fault.kind()) {
            case CRASHED -> "run the adapter command by hand and read its stderr";
            case TIMED_OUT -> "flush stdout after every message; answer `hello` first";
            case PROTOCOL_ERROR -> ""; // the fault's own message carries a hint for the offending line
            case HANDSHAKE_FAILED -> "answer `hello` with protocol 1 (spec/protocol.md §3.1)";
            case INTERRUPTED -> "";
        };
    }
}
