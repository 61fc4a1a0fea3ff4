package dev.ack.reference;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the reference, checked on its compiled classes: the teaching packages build on earlier
 * chapters only and know nothing of the adapter, its protocol or the known-bad variants; no packages
 * depend on each other in a circle.
 */
@AnalyzeClasses(packages = "dev.ack.reference", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] TEACHING = {"dev.ack.reference.eventqueue..", "dev.ack.reference.fibers..",
            "dev.ack.reference.coroutines..", "dev.ack.reference.wakers..", "dev.ack.reference.pinning..",
            "dev.ack.reference.runtime.."};

    /**
     * No cycles among the packages of the reference, each area with its sub-packages: the event
     * queue's system calls ({@code eventqueue.sys}) throw the event queue's own exception.
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.ack.reference.(*)..").should().beFreeOfCycles();

    /**
     * A chapter's package uses only the packages of earlier chapters, as a reader meets them: the runtime
     * (8) builds on the event queue (4) and the coroutines (7), pinning (9) on the coroutines; fibers (5) stand alone. Chapter 10's
     * runtime runs the coroutines' futures on fibers, with chapter 8's executors and reactor and the event queue's errors. The variants use
     * the teaching packages; the adapter uses everything, and nothing uses it.
     */
    @ArchTest
    static final ArchRule chaptersBuildOnEarlierChaptersOnly = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("dev.ack.reference..")
            .layer("event queue (ch 4)").definedBy("dev.ack.reference.eventqueue..")
            .layer("fibers (ch 5)").definedBy("dev.ack.reference.fibers..")
            .layer("coroutines (ch 7)").definedBy("dev.ack.reference.coroutines..")
            .layer("wakers (ch 8)").definedBy("dev.ack.reference.wakers..")
            .layer("pinning (ch 9)").definedBy("dev.ack.reference.pinning..")
            .layer("runtime (ch 10)").definedBy("dev.ack.reference.runtime..")
            .layer("variants").definedBy("dev.ack.reference.variants..")
            .layer("adapter").definedBy("dev.ack.reference.adapter..")
            .whereLayer("adapter").mayNotBeAccessedByAnyLayer()
            .whereLayer("variants").mayOnlyBeAccessedByLayers("adapter")
            .whereLayer("runtime (ch 10)").mayOnlyBeAccessedByLayers("variants", "adapter")
            .whereLayer("pinning (ch 9)").mayOnlyBeAccessedByLayers("variants", "adapter")
            .whereLayer("wakers (ch 8)").mayOnlyBeAccessedByLayers("runtime (ch 10)", "variants", "adapter")
            .whereLayer("coroutines (ch 7)").mayOnlyBeAccessedByLayers("wakers (ch 8)", "pinning (ch 9)", "runtime (ch 10)",
                    "variants", "adapter")
            .whereLayer("fibers (ch 5)").mayOnlyBeAccessedByLayers("runtime (ch 10)", "variants", "adapter")
            .whereLayer("event queue (ch 4)").mayOnlyBeAccessedByLayers("wakers (ch 8)", "runtime (ch 10)", "variants", "adapter");

    /** The teaching code is the book's, not the kit's: no protocol types, no JSON. */
    @ArchTest
    static final ArchRule teachingCodeKnowsNoProtocol = noClasses().that().resideInAnyPackage(TEACHING)
            .should().dependOnClassesThat().resideInAnyPackage("dev.ack.protocol..", "com.fasterxml..");
}
