package dev.ack.reference.adapter;

import dev.ack.reference.coroutines.Instruction;
import dev.ack.reference.coroutines.Leaf;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a coroutine program (spec/protocol.md §7) from a request's args, whole, before any of it
 * runs: a malformed program is a {@code BadRequest}, never a half-run one. Programs have no branches,
 * so "a child is created before it is used, and waited on or spawned at most once" is checked here.
 */
final class ProgramReader {
    /** The children created so far in this program (not its children's) and not yet handed over. */
    private final Set<String> children = new HashSet<>();

    private ProgramReader() {}

    static List<Instruction> program(Args args, String name) {
        ProgramReader reader = new ProgramReader();
        return args.objects(name).stream().map(reader::instruction).toList();
    }

    private Instruction instruction(Args args) {
        String op = args.string("do");
        return switch (op) {
            case "log" -> new Instruction.Log(args.string("text"));
            case "set" -> new Instruction.Set(args.string("var"), args.string("value"));
            case "wait" -> args.object("leaf")
                    .<Instruction>map(leaf -> new Instruction.WaitLeaf(leaf(leaf), into(args)))
                    .orElseGet(() -> new Instruction.WaitChild(handOver(args.string("child")), into(args)));
            case "create" -> {
                Instruction.Create create = new Instruction.Create(args.string("name"), program(args, "program"));
                children.add(create.name());
                yield create;
            }
            case "join_all" -> new Instruction.JoinAll(args.strings("children").stream().map(this::handOver).toList(),
                    into(args));
            case "return" -> new Instruction.Return(args.string("value"));
            case "spawn" -> new Instruction.Spawn(handOver(args.string("child")));
            case "poll_detached" -> new Instruction.PollDetached(created(args.string("child")));
            case "keep_waker" -> new Instruction.KeepWaker(args.string("name"));
            default -> throw Args.badRequest("unknown instruction \"" + op + "\"");
        };
    }

    private static Leaf leaf(Args args) {
        String kind = args.string("kind");
        return switch (kind) {
            case "manual" -> new Leaf.Manual(args.string("name"));
            case "http" -> new Leaf.Http((int) args.integer("port", 1, 65535), args.string("path"));
            default -> throw Args.badRequest("unknown leaf kind \"" + kind + "\"");
        };
    }

    private static String into(Args args) {
        return args.string("into", null);
    }

    private String created(String child) {
        if (!children.contains(child)) {
            throw Args.badRequest("child \"" + child + "\" is used before a create made it, or after it was handed over");
        }
        return child;
    }

    /** A child that a wait, join_all or spawn takes over: nothing else may use it after. */
    private String handOver(String child) {
        children.remove(created(child));
        return child;
    }
}
