package org.eventcore.jpa.architecture;

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
 * The layers of eventcore-jpa: the store's public classes on top, their internal helpers below them
 * (which never reach back up), the entities below those, and the message catalogue at the bottom
 * (usable by every other package, using nothing of the module); of EventCore only the api's model, SPIs
 * and {@code MessageId}, and the projection SPI; of Jakarta only Persistence and Transactions (no CDI).
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
                .layer("Messages")
                .definedBy("org.eventcore.jpa.messages..")
                .whereLayer("Store")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Internal")
                .mayOnlyAccessLayers("Entities", "Messages")
                .whereLayer("Entities")
                .mayOnlyAccessLayers("Messages")
                .whereLayer("Messages")
                .mayNotAccessAnyLayer()
                .check(JPA);
    }

    @Test
    void the_message_catalogue_uses_nothing_of_the_module() {
        classes()
                .that()
                .resideInAPackage("org.eventcore.jpa.messages..")
                .should()
                .onlyDependOnClassesThat(
                        resideInAnyPackage("org.eventcore.jpa.messages..", "org.eventcore.messages", "java..")
                                .or(name("org.eventcore.Identifiers")))
                .because("the catalogue is the module's lowest layer: of EventCore it needs MessageId and"
                        + " Identifiers.quote only")
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
                        "org.eventcore.messages",
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
