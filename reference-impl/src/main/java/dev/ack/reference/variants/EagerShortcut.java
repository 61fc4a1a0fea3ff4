package dev.ack.reference.variants;

import dev.ack.reference.pinning.Executor;
import dev.ack.reference.pinning.NativeCoroutine;
import dev.ack.reference.pinning.ShortcutExecutor;
import java.util.Set;

/**
 * {@code eager-shortcut}: the executor of {@code ch09/c} as the book writes it, polling every root in
 * place and moving it afterwards, whether it is movable or not.
 */
final class EagerShortcut extends ShortcutExecutor {
    static final KnownBadVariant VARIANT = KnownBadVariant.pinning("eager-shortcut",
            "the \"poll once, then move\" shortcut is applied to a root that is not movable, which breaks its self-reference",
            Set.of("PN-04"), new PinningFactory() {
                @Override
                public Executor executor(boolean shortcut) {
                    return shortcut ? new EagerShortcut() : PinningFactory.REFERENCE.executor(false);
                }
            });

    @Override
    protected boolean mayPollInPlace(NativeCoroutine root) {
        return true;
    }
}
