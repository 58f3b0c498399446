package org.eventcore.jpa.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The layers of eventcore-jpa: the store's public classes on top, their internal helpers below them
 * (which never reach back up), the entities at the bottom; of EventCore only the api's model and SPIs
 * and the projection SPI; of Jakarta only Persistence and Transactions (no CDI).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JpaArchitectureTest {

    private static final JavaClasses JPA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eventcore.jpa");

    @Test
    void the_layers_depend_only_downwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Store")
                .definedBy("org.eventcore.jpa")
                .layer("Internal")
                .definedBy("org.eventcore.jpa.internal..")
                .layer("Entities")
                .definedBy("org.eventcore.jpa.entity..")
                .whereLayer("Store")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Internal")
                .mayOnlyAccessLayers("Entities")
                .whereLayer("Entities")
                .mayNotAccessAnyLayer()
                .check(JPA);
    }

    @Test
    void the_store_uses_the_api_and_projection_spis_persistence_and_transactions_only() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.eventcore",
                        "org.eventcore.spi",
                        "org.eventcore.serialization",
                        "org.eventcore.projection.spi",
                        "org.eventcore.jpa..",
                        "java..",
                        "javax.sql..",
                        "jakarta.persistence..",
                        "jakarta.transaction..")
                .because("a store implements SPIs; it never needs the executor, the runner or a container")
                .check(JPA);
    }
}
