package dev.ack.protocol.fibers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.ack.protocol.ErrorKind;

/**
 * One entry of the trace of {@code fb.run} (spec/protocol.md §6): what happened, in order, each about
 * the fiber that did it; on the wire its kind is the {@code event} field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FiberTraceEntry.Log.class, name = "log"),
        @JsonSubTypes.Type(value = FiberTraceEntry.Check.class, name = "check"),
        @JsonSubTypes.Type(value = FiberTraceEntry.Spawned.class, name = "spawned"),
        @JsonSubTypes.Type(value = FiberTraceEntry.Finished.class, name = "finished"),
        @JsonSubTypes.Type(value = FiberTraceEntry.Error.class, name = "error")})
public sealed interface FiberTraceEntry {

    /** {@return the id (slot) of the fiber the entry is about; 0 is the base context} */
    long fiber();

    /**
     * A {@code log} instruction ran.
     *
     * @param fiber the fiber
     * @param text  the logged text, placeholders replaced
     */
    record Log(long fiber, String text) implements FiberTraceEntry {}

    /**
     * A {@code check} instruction found another value.
     *
     * @param fiber    the fiber
     * @param var      the local
     * @param expected the value the program expected
     * @param actual   the value it had
     */
    record Check(long fiber, String var, long expected, long actual) implements FiberTraceEntry {}

    /**
     * A spawn succeeded.
     *
     * @param fiber the spawning fiber
     * @param id    the new fiber's slot
     */
    record Spawned(long fiber, long id) implements FiberTraceEntry {}

    /**
     * A fiber's program ended; its slot is free again.
     *
     * @param fiber the fiber
     */
    record Finished(long fiber) implements FiberTraceEntry {}

    /**
     * An instruction failed and ended its context's program.
     *
     * @param fiber   the fiber
     * @param kind    {@link ErrorKind#NoFreeSlot} or {@link ErrorKind#StackOverflow}
     * @param message for humans
     */
    record Error(long fiber, ErrorKind kind, @JsonInclude(JsonInclude.Include.NON_NULL) String message)
            implements FiberTraceEntry {}
}
