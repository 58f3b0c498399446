package org.eventcore.inmemory.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store implements the api's store SPI and uses nothing else of EventCore, nor any
 * container. Its message catalogue is the module's lowest layer: the store uses it, and it uses
 * nothing of the module (of EventCore only the message ids and the quoting of identifiers).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InMemoryArchitectureTest {

    private static final JavaClasses INMEMORY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eventcore.inmemory");

    @Test
    void the_messages_are_the_lowest_layer() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Messages")
                .definedBy("org.eventcore.inmemory.messages..")
                .layer("Store")
                .definedBy("org.eventcore.inmemory")
                .whereLayer("Messages")
                .mayNotAccessAnyLayer()
                .whereLayer("Store")
                .mayOnlyAccessLayers("Messages")
                .check(INMEMORY);
    }

    @Test
    void the_store_uses_the_model_and_the_spi_of_the_api_only() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.eventcore",
                        "org.eventcore.spi",
                        "org.eventcore.serialization",
                        "org.eventcore.messages",
                        "org.eventcore.inmemory..",
                        "java..")
                .because("an adapter implements the SPI; the executor and the other modules are its users, not its"
                        + " dependencies")
                .check(INMEMORY);
    }

    @Test
    void of_eventcore_the_messages_use_only_message_ids_and_the_quoting_of_identifiers() {
        classes()
                .that()
                .resideInAPackage("org.eventcore.inmemory.messages..")
                .should()
                .onlyDependOnClassesThat(
                        resideInAnyPackage("org.eventcore.inmemory.messages..", "org.eventcore.messages", "java..")
                                .or(name("org.eventcore.Identifiers")))
                .check(INMEMORY);
    }
}
