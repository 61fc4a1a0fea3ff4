package dev.ack.reference.adapter;

import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.ProtocolError;
import java.util.HashSet;
import java.util.Set;

/**
 * The children one program has created and not yet handed over, as a reader of the program meets
 * them. Programs have no branches, so reading a program once, before any of it runs, tells whether a
 * child is created before it is used and waited on or spawned at most once; one that breaks that is a
 * {@code BadRequest}, never a half-run program.
 */
final class CreatedChildren {
    private final Set<String> names = new HashSet<>();

    /** A {@code create} of {@code child}. */
    void add(String child) {
        names.add(child);
    }

    /** A use of {@code child} that leaves it with the program. */
    String created(String child) {
        if (!names.contains(child)) {
            throw new ProtocolError(ErrorKind.BadRequest,
                    "child \"" + child + "\" is used before a create made it, or after it was handed over");
        }
        return child;
    }

    /** A child that a wait, join_all or spawn takes over: nothing else may use it after. */
    String handOver(String child) {
        names.remove(created(child));
        return child;
    }
}
