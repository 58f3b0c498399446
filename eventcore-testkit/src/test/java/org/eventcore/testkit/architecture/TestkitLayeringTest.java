package org.eventcore.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The test kit uses only the public API and SPI of eventcore-api. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TestkitLayeringTest {

    @Test
    void the_test_kit_never_uses_internals_of_another_module() {
        noClasses()
                .that()
                .resideInAPackage("org.eventcore.testkit..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eventcore.internal..")
                .because("..internal.. packages carry no compatibility promise across modules")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.eventcore.testkit"));
    }
}
