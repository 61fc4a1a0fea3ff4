package dev.ack.runner.steps.runtime;

import dev.ack.protocol.runtime.RuntimeOps.Wake;
import io.cucumber.java.ParameterType;

/** The runtime's words: runs named by their executor ("block_on" is the one on "main"), and the two ways to wake. */
public class RuntimeParameterTypes {

    /** "block_on", or "block_on on "exec-1"". */
    @ParameterType("block_on(?: on \"[^\"]+\")?")
    public String blockOn(String words) {
        int quote = words.indexOf('"');
        return quote < 0 ? RuntimeWorld.MAIN : words.substring(quote + 1, words.length() - 1);
    }

    /** "by value" or "by reference". */
    @ParameterType("by value|by reference")
    public Wake wake(String words) {
        return words.equals("by value") ? Wake.BY_VALUE : Wake.BY_REFERENCE;
    }
}
