package dev.ack.runner;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The runner's boundaries, checked by the build: its packages form no cycle (each package, the area
 * step packages too, is its own slice), the reference implementation is reached only at run time (a
 * subprocess started by class name), and the areas' step packages share only what the coroutine
 * programs give both of their areas.
 */
@AnalyzeClasses(packages = "dev.ack.runner")
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("dev.ack.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theRunnerNeverImportsTheReference = noClasses().that().resideInAPackage("dev.ack.runner..")
            .should().dependOnClassesThat().resideInAPackage("dev.ack.reference..");

    @ArchTest
    static final ArchRule stepsOfOneAreaUseNoOtherAreasSteps = slices().matching("dev.ack.runner.steps.(*)..")
            .should().notDependOnEachOther()
            .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                    com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("dev.ack.runner.steps.coroutines"));

    @ArchTest
    static final ArchRule onlyTheCliKnowsTheCli = noClasses().that().resideOutsideOfPackage("dev.ack.runner.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.ack.runner.cli..");
}
