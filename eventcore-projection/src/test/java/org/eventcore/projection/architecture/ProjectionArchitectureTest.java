package org.eventcore.projection.architecture;

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
 * The layers of eventcore-projection: its message catalogue at the bottom, its SPI on it (on the api's model and store SPI), the
 * runner on it, the in-memory implementations of the SPI beside the runner; no container, and of the
 * api only the model and the SPI (never the executor).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionArchitectureTest {

    private static final JavaClasses PROJECTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eventcore.projection");

    @Test
    void the_layers_depend_only_downwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Messages")
                .definedBy("org.eventcore.projection.messages..")
                .layer("Projection SPI")
                .definedBy("org.eventcore.projection.spi..")
                .layer("Runner")
                .definedBy("org.eventcore.projection")
                .layer("In-memory SPI implementations")
                .definedBy("org.eventcore.projection.inmemory..")
                .whereLayer("Messages")
                .mayNotAccessAnyLayer()
                .whereLayer("Projection SPI")
                .mayOnlyAccessLayers("Messages")
                .whereLayer("Runner")
                .mayOnlyAccessLayers("Projection SPI", "Messages")
                .whereLayer("In-memory SPI implementations")
                .mayOnlyAccessLayers("Projection SPI", "Messages")
                .check(PROJECTION);
    }

    @Test
    void of_eventcore_the_module_uses_the_api_model_and_store_spi_only_and_no_container() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.eventcore",
                        "org.eventcore.spi",
                        "org.eventcore.messages",
                        "org.eventcore.projection..",
                        "java..")
                .check(PROJECTION);
    }

    @Test
    void of_eventcore_the_messages_use_only_message_ids_and_the_quoting_of_identifiers() {
        classes()
                .that()
                .resideInAPackage("org.eventcore.projection.messages..")
                .should()
                .onlyDependOnClassesThat(
                        resideInAnyPackage("org.eventcore.projection.messages..", "org.eventcore.messages", "java..")
                                .or(name("org.eventcore.Identifiers")))
                .check(PROJECTION);
    }
}
