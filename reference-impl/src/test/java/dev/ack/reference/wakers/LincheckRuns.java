package dev.ack.reference.wakers;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;
import kotlin.reflect.KFunction;
import kotlin.reflect.jvm.ReflectJvmMapping;
import org.jetbrains.lincheck.datastructures.DSLScenarioBuilder;
import org.jetbrains.lincheck.datastructures.DSLThreadScenario;
import org.jetbrains.lincheck.datastructures.Options;

/**
 * Lincheck from Java: custom scenarios, in which each thread is a list of operation names (public
 * no-argument methods of the tested class; Lincheck's DSL is Kotlin's, so they are handed over as
 * Kotlin functions), and checks that report how many invocations they ran.
 */
final class LincheckRuns {
    private LincheckRuns() {}

    /**
     * Checks {@code operations} against {@code sequential} and prints how many invocations ran, as
     * counted by {@code invocations} (which the operations' constructor increments: one instance per invocation).
     */
    static void check(Options<?, ?> options, Class<?> operations, Class<?> sequential, AtomicLong invocations,
                      String what) {
        long before = invocations.get();
        options.sequentialSpecification(sequential).check(operations);
        System.out.printf("%s, %s: %d invocations%n", operations.getName(), what, invocations.get() - before);
    }

    /** Runs {@code initial} first, alone, then the {@code threads} in parallel. */
    @SafeVarargs
    static Function1<DSLScenarioBuilder, Unit> scenario(Class<?> operations, List<String> initial, List<String>... threads) {
        return builder -> {
            if (!initial.isEmpty()) builder.initial(thread -> actors(thread, operations, initial));
            builder.parallel(parallel -> {
                for (List<String> names : threads) parallel.thread(thread -> actors(thread, operations, names));
                return Unit.INSTANCE;
            });
            return Unit.INSTANCE;
        };
    }

    private static Unit actors(DSLThreadScenario thread, Class<?> operations, List<String> names) {
        names.forEach(name -> thread.actor(function(operations, name)));
        return Unit.INSTANCE;
    }

    private static KFunction<?> function(Class<?> operations, String name) {
        Method method = Arrays.stream(operations.getMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(operations.getSimpleName() + " has no operation " + name));
        return ReflectJvmMapping.getKotlinFunction(method);
    }
}
