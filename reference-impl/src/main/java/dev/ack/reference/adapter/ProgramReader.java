package dev.ack.reference.adapter;

import dev.ack.protocol.ErrorKind;
import dev.ack.protocol.ProtocolError;
import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.protocol.programs.CoroutineLeaf;
import dev.ack.reference.coroutines.Instruction;
import dev.ack.reference.coroutines.Leaf;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a coroutine program of the protocol (spec/protocol.md §7) into the reference's instructions,
 * whole, before any of it runs. The schema has already checked its shape; what it cannot say is
 * checked here, since programs have no branches: a child is created before it is used, and waited on
 * or spawned at most once. A program that breaks that is a {@code BadRequest}, never a half-run one.
 */
final class ProgramReader {
    /** The children created so far in this program (not its children's) and not yet handed over. */
    private final Set<String> children = new HashSet<>();

    private ProgramReader() {}

    static List<Instruction> program(List<CoroutineInstruction> program) {
        ProgramReader reader = new ProgramReader();
        return program.stream().map(reader::instruction).toList();
    }

    private Instruction instruction(CoroutineInstruction instruction) {
        return switch (instruction) {
            case CoroutineInstruction.Log log -> new Instruction.Log(log.text());
            case CoroutineInstruction.Set set -> new Instruction.Set(set.var(), set.value());
            case CoroutineInstruction.Wait wait when wait.leaf() != null -> new Instruction.WaitLeaf(leaf(wait.leaf()), wait.into());
            case CoroutineInstruction.Wait wait -> new Instruction.WaitChild(handOver(wait.child()), wait.into());
            case CoroutineInstruction.Create create -> {
                Instruction.Create created = new Instruction.Create(create.name(), program(create.program()));
                children.add(created.name());
                yield created;
            }
            case CoroutineInstruction.JoinAll join -> new Instruction.JoinAll(join.children().stream().map(this::handOver).toList(),
                    join.into());
            case CoroutineInstruction.Return ret -> new Instruction.Return(ret.value());
            case CoroutineInstruction.Spawn spawn -> new Instruction.Spawn(handOver(spawn.child()));
            case CoroutineInstruction.PollDetached detached -> new Instruction.PollDetached(created(detached.child()));
            case CoroutineInstruction.KeepWaker keep -> new Instruction.KeepWaker(keep.name());
        };
    }

    private static Leaf leaf(CoroutineLeaf leaf) {
        return switch (leaf) {
            case CoroutineLeaf.Manual manual -> new Leaf.Manual(manual.name());
            case CoroutineLeaf.Http http -> new Leaf.Http(http.port(), http.path());
        };
    }

    private String created(String child) {
        if (!children.contains(child)) {
            throw new ProtocolError(ErrorKind.BadRequest,
                    "child \"" + child + "\" is used before a create made it, or after it was handed over");
        }
        return child;
    }

    /** A child that a wait, join_all or spawn takes over: nothing else may use it after. */
    private String handOver(String child) {
        children.remove(created(child));
        return child;
    }
}
