package org.eventcore.projection.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The layers of eventcore-projection: its SPI at the bottom (on the api's model and store SPI), the
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
                .layer("Projection SPI")
                .definedBy("org.eventcore.projection.spi..")
                .layer("Runner")
                .definedBy("org.eventcore.projection")
                .layer("In-memory SPI implementations")
                .definedBy("org.eventcore.projection.inmemory..")
                .whereLayer("Projection SPI")
                .mayNotAccessAnyLayer()
                .whereLayer("Runner")
                .mayOnlyAccessLayers("Projection SPI")
                .whereLayer("In-memory SPI implementations")
                .mayOnlyAccessLayers("Projection SPI")
                .check(PROJECTION);
    }

    @Test
    void of_eventcore_the_module_uses_the_api_model_and_store_spi_only_and_no_container() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.eventcore", "org.eventcore.spi", "org.eventcore.projection..", "java..")
                .check(PROJECTION);
    }
}
