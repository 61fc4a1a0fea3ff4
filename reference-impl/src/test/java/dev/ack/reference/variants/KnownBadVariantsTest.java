package dev.ack.reference.variants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ack.protocol.Area;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The list of known-bad variants is well formed: what the kit's end-to-end check relies on. */
class KnownBadVariantsTest {

    @Test
    void namesAreUniqueAndEachIsFoundByItsName() {
        List<String> names = KnownBadVariants.all().stream().map(KnownBadVariant::name).toList();

        assertThat(names).doesNotHaveDuplicates().hasSize(17);
        names.forEach(name -> assertThat(KnownBadVariants.named(name)).get().extracting(KnownBadVariant::name).isEqualTo(name));
        assertThat(KnownBadVariants.named("reference")).isEmpty();
    }

    @Test
    void eachFailsRulesOfItsOwnArea() {
        for (KnownBadVariant variant : KnownBadVariants.all()) {
            assertThat(variant.fails()).as(variant.name()).isNotEmpty()
                    .allMatch(rule -> rule.startsWith(variant.area().rulePrefix() + "-"));
        }
    }

    @Test
    void eachServesTheReferenceInEveryAreaButItsOwn() {
        for (KnownBadVariant variant : KnownBadVariants.all()) {
            assertThat(areasNotServedByTheReference(variant.implementation())).as(variant.name())
                    .containsExactly(variant.area());
        }
    }

    private static List<Area> areasNotServedByTheReference(Implementation served) {
        Implementation reference = Implementation.REFERENCE;
        return Stream.of(
                        Map.entry(Area.EVENT_QUEUE, served.eventQueue() != reference.eventQueue()),
                        Map.entry(Area.FIBERS, served.fibers() != reference.fibers()),
                        Map.entry(Area.COROUTINES, served.coroutines() != reference.coroutines()),
                        Map.entry(Area.WAKERS, served.wakers() != reference.wakers()),
                        Map.entry(Area.PINNING, served.pinning() != reference.pinning()),
                        Map.entry(Area.RUNTIME, served.runtime() != reference.runtime()))
                .filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }
}
