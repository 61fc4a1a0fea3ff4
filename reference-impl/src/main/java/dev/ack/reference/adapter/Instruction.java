package dev.ack.reference.adapter;

import java.util.List;

/**
 * One instruction of a fibers program (spec/protocol.md §6). A program is parsed whole before it runs,
 * so a malformed one is a {@code BadRequest} rather than a half-run program.
 */
sealed interface Instruction {
    /** Appends a log entry; {@code {id}} is the running fiber's id, {@code {name}} the local's value. */
    record Log(String text) implements Instruction {}

    record Yield() implements Instruction {}

    record Set(String var, long value) implements Instruction {}

    record Add(String var, long value) implements Instruction {}

    /** Appends a check entry when the local is not {@code expected}. */
    record Check(String var, long expected) implements Instruction {}

    /** Runs {@code body} {@code times} times, with local {@code var} counting from 0. */
    record Repeat(long times, String var, List<Instruction> body) implements Instruction {}

    /** Runs {@code body} {@code depth} calls deep, with the same locals. */
    record Nested(int depth, List<Instruction> body) implements Instruction {}

    /** Spawns a fiber whose program is {@code body}. */
    record Spawn(List<Instruction> body) implements Instruction {}

    /** Busy work, {@code iterations} rounds, without yielding. */
    record Spin(long iterations) implements Instruction {}

    /** Recurses, each frame declaring {@code frameBytes} more, until the stack is exhausted. */
    record ExhaustStack(int frameBytes) implements Instruction {}

    /** The program in the array arg {@code name}. */
    static List<Instruction> program(Args args, String name) {
        return args.objects(name).stream().map(Instruction::parse).toList();
    }

    private static Instruction parse(Args instruction) {
        String what = instruction.string("do");
        return switch (what) {
            case "log" -> new Log(instruction.string("text"));
            case "yield" -> new Yield();
            case "set" -> new Set(instruction.string("var"), value(instruction, "value"));
            case "add" -> new Add(instruction.string("var"), value(instruction, "value"));
            case "check" -> new Check(instruction.string("var"), value(instruction, "equals"));
            case "repeat" -> new Repeat(count(instruction, "times"), instruction.string("var"), program(instruction, "body"));
            case "nested" -> new Nested((int) instruction.integer("depth", 0, Integer.MAX_VALUE), program(instruction, "body"));
            case "spawn" -> new Spawn(program(instruction, "body"));
            case "spin" -> new Spin(count(instruction, "iterations"));
            case "exhaust_stack" -> new ExhaustStack((int) instruction.integer("frame_bytes", 0, Integer.MAX_VALUE));
            default -> throw Args.badRequest("unknown instruction \"" + what + "\"");
        };
    }

    private static long value(Args instruction, String name) {
        return instruction.integer(name, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private static long count(Args instruction, String name) {
        return instruction.integer(name, 0, Long.MAX_VALUE);
    }
}
