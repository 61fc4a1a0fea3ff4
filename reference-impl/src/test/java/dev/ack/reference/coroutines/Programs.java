package dev.ack.reference.coroutines;

import java.util.List;

/** Short names for writing coroutine programs in tests, close to the features' wording. */
public final class Programs {
    private Programs() {}

    public static List<Instruction> program(Instruction... instructions) {
        return List.of(instructions);
    }

    public static Instruction log(String text) {
        return new Instruction.Log(text);
    }

    public static Instruction set(String var, String value) {
        return new Instruction.Set(var, value);
    }

    /** Waits on manual leaf {@code name}; {@code into} may be null. */
    public static Instruction waitLeaf(String name, String into) {
        return new Instruction.WaitLeaf(new Leaf.Manual(name), into);
    }

    public static Instruction waitChild(String child, String into) {
        return new Instruction.WaitChild(child, into);
    }

    public static Instruction create(String name, Instruction... program) {
        return new Instruction.Create(name, List.of(program));
    }

    public static Instruction joinAll(String into, String... children) {
        return new Instruction.JoinAll(List.of(children), into);
    }

    public static Instruction spawn(String child) {
        return new Instruction.Spawn(child);
    }

    public static Instruction pollDetached(String child) {
        return new Instruction.PollDetached(child);
    }

    public static Instruction keepWaker(String name) {
        return new Instruction.KeepWaker(name);
    }

    public static Instruction yieldNow() {
        return new Instruction.YieldNow();
    }

    public static Instruction yieldUntilSleep() {
        return new Instruction.YieldUntilSleep();
    }

    public static Instruction ret(String value) {
        return new Instruction.Return(value);
    }
}
