package dev.ack.reference.adapter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ack.protocol.Codec;
import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.ProtocolError;
import java.util.List;

/** Ops handed to one area's handler as the server hands them, with args written in single quotes. */
final class HandlerCalls {
    private HandlerCalls() {}

    /** The result as the wire shows it. */
    static ObjectNode call(AreaHandler handler, String op, String args) throws Exception {
        return Codec.toJson(new OpDispatch(List.of(), List.of(handler)).serve(op, (ObjectNode) Codec.JSON.readTree(json(args))));
    }

    /** The kind of the protocol error {@code call} throws; an assertion error if it throws none or another. */
    static ErrorKind kindOf(ThrowingCall call) {
        try {
            call.run();
        } catch (ProtocolError e) {
            return e.kind();
        } catch (Exception e) {
            throw new AssertionError("not a protocol error", e);
        }
        throw new AssertionError("no error");
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static long threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).count();
    }
}
