package org.eventcore.inmemory.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The in-memory store implements the api's store SPI and uses nothing else of EventCore, nor any container. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InMemoryArchitectureTest {

    @Test
    void the_store_uses_the_model_and_the_spi_of_the_api_only() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.eventcore",
                        "org.eventcore.spi",
                        "org.eventcore.serialization",
                        "org.eventcore.inmemory..",
                        "java..")
                .because("an adapter implements the SPI; the executor and the other modules are its users, not its"
                        + " dependencies")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.eventcore.inmemory"));
    }
}
