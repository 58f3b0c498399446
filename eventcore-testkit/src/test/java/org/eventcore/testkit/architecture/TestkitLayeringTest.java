package org.eventcore.testkit.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The test kit's three parts (store contract suites, command scenarios, chaos store) stand apart on
 * its message catalogue, and
 * use of EventCore only what any user may: public packages and SPIs, never an internal package.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TestkitLayeringTest {

    private static final JavaClasses TESTKIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eventcore.testkit");

    @Test
    void the_contract_suites_the_scenarios_and_the_chaos_store_do_not_depend_on_each_other() {
        slices().matching("org.eventcore.testkit.(*)..")
                .should()
                .notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAPackage("org.eventcore.testkit.messages.."))
                .because("the message catalogue is the one part every other part may use")
                .check(TESTKIT);
    }

    @Test
    void the_messages_are_the_lowest_layer_and_use_only_message_ids() {
        classes()
                .that()
                .resideInAPackage("org.eventcore.testkit.messages..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.eventcore.testkit.messages..", "org.eventcore.messages", "java..")
                .check(TESTKIT);
    }

    @Test
    void of_eventcore_the_test_kit_uses_public_packages_only() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.eventcore",
                        "org.eventcore.messages",
                        "org.eventcore.spi",
                        "org.eventcore.serialization",
                        "org.eventcore.execution",
                        "org.eventcore.inmemory",
                        "org.eventcore.projection.spi",
                        "org.eventcore.testkit..",
                        "java..",
                        "org.junit..",
                        "org.assertj..",
                        "org.opentest4j..")
                .check(TESTKIT);
    }
}
