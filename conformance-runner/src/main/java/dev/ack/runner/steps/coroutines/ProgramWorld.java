package dev.ack.runner.steps.coroutines;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.runner.adapter.AdapterSession;
import dev.ack.runner.peers.DelayServer;
import dev.ack.runner.steps.ErrorReplies;
import dev.ack.runner.suite.RunContext;
import io.cucumber.java.After;
import io.cucumber.java.Before;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What the coroutines and wakers scenarios share: their programs, the delay server that http leaves
 * talk to (started when a program first needs it), and the area's prefix for the ops both areas have
 * ({@code co.leaf_ready}, {@code wk.leaf_ready}).
 */
public class ProgramWorld {
    private String opPrefix;
    private DelayServer server;

    @Before("@area:coroutines")
    public void inCoroutines() { opPrefix = "co."; }

    @Before("@area:wakers")
    public void inWakers() { opPrefix = "wk."; }

    public Program program(String text) {
        return Program.parse(text, () -> server().port());
    }

    /** The runner's delay server; started on first use, so scenarios without http leaves do without. */
    private DelayServer server() {
        if (server == null) {
            try {
                server = DelayServer.start();
            } catch (IOException e) {
                throw new UncheckedIOException("the delay server did not start: " + e.getMessage(), e);
            }
        }
        return server;
    }

    /** The messages of the requests the delay server received, in arrival order (empty if it never ran). */
    List<String> requests() {
        return server == null ? List.of() : server.messages();
    }

    public static ObjectNode args() { return Codec.JSON.createObjectNode(); }

    /** Sends a request the scenario expects to succeed; an error reply fails it, saying what was asked. */
    public static ObjectNode call(String op, ObjectNode args) {
        return ErrorReplies.assertSucceeded("`" + op + "` " + args, session().exchange(op, args),
                "the scenario expected it to succeed");
    }

    public static AdapterSession session() { return RunContext.session(); }

    public void makeLeafReady(String name, String value) {
        call(opPrefix + "leaf_ready", args().put("name", name).put("value", value));
    }

    @After("@area:coroutines or @area:wakers")
    public void stopTheDelayServer() {
        if (server != null) server.close();
    }
}
