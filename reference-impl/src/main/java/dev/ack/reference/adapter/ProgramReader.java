package dev.ack.reference.adapter;

import dev.ack.protocol.programs.CoroutineInstruction;
import dev.ack.protocol.programs.CoroutineLeaf;
import dev.ack.reference.coroutines.Instruction;
import dev.ack.reference.coroutines.Leaf;
import java.util.List;

/**
 * Turns a coroutine program of the protocol (spec/protocol.md §7) into the reference's instructions,
 * whole, before any of it runs. The schema has already checked its shape; what it cannot say, how
 * the program uses its children, {@link CreatedChildren} checks.
 */
final class ProgramReader {
    /** The children created so far in this program (not its children's) and not yet handed over. */
    private final CreatedChildren children = new CreatedChildren();

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
            case CoroutineInstruction.Wait wait -> new Instruction.WaitChild(children.handOver(wait.child()), wait.into());
            case CoroutineInstruction.Create create -> {
                Instruction.Create created = new Instruction.Create(create.name(), program(create.program()));
                children.add(created.name());
                yield created;
            }
            case CoroutineInstruction.JoinAll join -> new Instruction.JoinAll(join.children().stream().map(children::handOver).toList(),
                    join.into());
            case CoroutineInstruction.Return ret -> new Instruction.Return(ret.value());
            case CoroutineInstruction.Spawn spawn -> new Instruction.Spawn(children.handOver(spawn.child()));
            case CoroutineInstruction.PollDetached detached -> new Instruction.PollDetached(children.created(detached.child()));
            case CoroutineInstruction.KeepWaker keep -> new Instruction.KeepWaker(keep.name());
            case CoroutineInstruction.YieldNow _ -> new Instruction.YieldNow();
            case CoroutineInstruction.YieldUntilSleep _ -> new Instruction.YieldUntilSleep();
        };
    }

    private static Leaf leaf(CoroutineLeaf leaf) {
        return switch (leaf) {
            case CoroutineLeaf.Manual manual -> new Leaf.Manual(manual.name());
            case CoroutineLeaf.Http http -> new Leaf.Http(http.port(), http.path());
        };
    }
}
