package org.eventcore.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The layering rules of STYLE.md for the api module. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiLayeringTest {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eventcore");

    @Test
    void core_packages_use_no_container_or_jakarta_api() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.eventcore.serialization.jsonb..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "javax.annotation..", "javax.inject..", "javax.persistence..")
                .because("the api core knows no container; only serialization.jsonb may use JSON-B")
                .check(API);
    }

    @Test
    void the_jsonb_package_uses_only_the_json_binding_api_of_jakarta() {
        noClasses()
                .that()
                .resideInAPackage("org.eventcore.serialization.jsonb..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.enterprise..", "jakarta.persistence..", "jakarta.transaction..")
                .check(API);
    }

    @Test
    void public_api_packages_do_not_depend_on_the_in_memory_store() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.eventcore",
                        "org.eventcore.spi..",
                        "org.eventcore.execution..",
                        "org.eventcore.serialization..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eventcore.inmemory..")
                .check(API);
    }
}
