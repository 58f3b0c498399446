package org.eventcore.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The examples are user code: they may use the public API only. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExamplesLayeringTest {

    @Test
    void examples_use_neither_internal_packages_nor_the_test_kit_in_main_code() {
        noClasses()
                .that()
                .resideInAPackage("org.eventcore.examples..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.eventcore..internal..", "org.eventcore.testkit..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.eventcore.examples"));
    }
}
