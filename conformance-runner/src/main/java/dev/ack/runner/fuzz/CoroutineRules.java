package dev.ack.runner.fuzz;

import dev.ack.protocol.programs.CoroutineInstruction;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a coroutine program is one {@code kit fuzz} may send: what protocol.md §7 and CO-20 ask of every
 * program (a child waited on only after its {@code create}, and only once), and what the fuzzer's own
 * comparison needs (a local shown only once set, texts that begin with their coroutine's name, a
 * {@code return} only last); the wakers area's {@code spawn} takes a child over as a wait does. The
 * generators make such programs; a shrinking step may not, and is dropped before it runs.
 */
final class CoroutineRules {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private CoroutineRules() {}

    static boolean valid(List<CoroutineInstruction> program) {
        return valid(CoroutineCase.ROOT, program);
    }

    private static boolean valid(String owner, List<CoroutineInstruction> program) {
        Set<String> locals = new HashSet<>();
        Set<String> usable = new HashSet<>();
        for (int i = 0; i < program.size(); i++) {
            boolean ok = switch (program.get(i)) {
                case CoroutineInstruction.Log log -> shows(owner, log.text(), locals);
                case CoroutineInstruction.Set set -> shows(owner, set.value(), locals) && set(locals, set.var());
                case CoroutineInstruction.Return ret -> shows(owner, ret.value(), locals) && i == program.size() - 1;
                case CoroutineInstruction.Create create -> usable.add(create.name()) && valid(create.name(), create.program());
                case CoroutineInstruction.Wait wait -> (wait.child() == null || usable.remove(wait.child())) && set(locals, wait.into());
                case CoroutineInstruction.JoinAll join -> join.children().stream().allMatch(usable::remove) && set(locals, join.into());
                // the wakers area's own (protocol.md §7): a spawn takes its child over as a wait does
                case CoroutineInstruction.Spawn spawn -> usable.remove(spawn.child());
                case CoroutineInstruction.KeepWaker ignored -> true;
                case CoroutineInstruction.YieldNow ignored -> true;
                case CoroutineInstruction.YieldUntilSleep ignored -> true;
                default -> false;
            };
            if (!ok) return false;
        }
        return true;
    }

    /** Whether {@code text} begins with its coroutine's name and shows only locals already set. */
    private static boolean shows(String owner, String text, Set<String> locals) {
        Matcher placeholder = PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            if (!locals.contains(placeholder.group(1))) return false;
        }
        return text.startsWith(owner + " ");
    }

    private static boolean set(Set<String> locals, String into) {
        if (into != null) locals.add(into);
        return true;
    }
}
