package dev.ack.reference.coroutines;

import java.util.List;

/**
 * The code of one state of a compiled coroutine: the straight-line {@code code} it runs when the
 * machine enters it, and the {@code exit} it runs into, a wait (entering the next state) or the
 * return (Resolved). In corofy's output this is one arm of the {@code match self.state}.
 *
 * @param code the instructions that run when the machine enters the state, none of them an exit
 * @param exit the wait or the return the code runs into
 */
public record Segment(List<Instruction> code, Instruction.Exit exit) {}
