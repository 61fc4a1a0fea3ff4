package dev.ack.protocol;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The contract's packages form no cycle (each package is its own slice, the root included), and an
 * area's package is a plug-in: it uses the core and the shared coroutine programs, never another area.
 */
@AnalyzeClasses(packages = "dev.ack.protocol", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.ack.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule areasDoNotUseEachOther = slices().matching("dev.ack.protocol.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.ack.protocol.programs"));

    @ArchTest
    static final ArchRule theCoreKnowsNoArea = noClasses().that().resideInAPackage("dev.ack.protocol")
            .should().dependOnClassesThat().resideInAPackage("dev.ack.protocol.*..");
}
