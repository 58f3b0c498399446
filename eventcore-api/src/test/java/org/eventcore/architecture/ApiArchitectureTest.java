package org.eventcore.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The layers of eventcore-api, as the manual's Design page draws them: the messages (the module's
 * message catalogue and the quoting of values) at the very bottom, then the model, the serializer SPI
 * and the store SPI on it, the executor on top; every dependency points down, and the module knows no
 * container.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ApiArchitectureTest {

    private static final JavaClasses API = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eventcore");

    @Test
    void the_layers_depend_only_downwards() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Messages")
                .definedBy("org.eventcore.messages..")
                .layer("Model")
                .definedBy("org.eventcore")
                .layer("Serialization SPI")
                .definedBy("org.eventcore.serialization..")
                .layer("Store SPI")
                .definedBy("org.eventcore.spi..")
                .layer("Executor")
                .definedBy("org.eventcore.execution..")
                .whereLayer("Messages")
                .mayNotAccessAnyLayer()
                .whereLayer("Model")
                .mayOnlyAccessLayers("Messages")
                .whereLayer("Serialization SPI")
                .mayOnlyAccessLayers("Messages", "Model")
                .whereLayer("Store SPI")
                .mayOnlyAccessLayers("Messages", "Model", "Serialization SPI")
                .whereLayer("Executor")
                .mayNotBeAccessedByAnyLayer()
                .check(API);
    }

    @Test
    void the_messages_depend_on_nothing_else_of_eventcore() {
        noClasses()
                .that()
                .resideInAPackage("org.eventcore.messages..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("org.eventcore..").and(not(resideInAPackage("org.eventcore.messages.."))))
                .because("the message catalogues of every module use the messages package, so it is the lowest"
                        + " layer")
                .check(API);
    }

    @Test
    void the_module_has_no_other_package_than_its_layers() {
        classes()
                .should()
                .resideInAnyPackage(
                        "org.eventcore",
                        "org.eventcore.messages",
                        "org.eventcore.serialization",
                        "org.eventcore.spi",
                        "org.eventcore.execution")
                .because("the executor's engine is package-private in org.eventcore.execution, so that no public"
                        + " type depends on an internal one; org.eventcore.messages holds the message catalogue,"
                        + " which the manual, not the API, documents")
                .check(API);
    }

    @Test
    void nothing_uses_a_container_or_another_jakarta_api() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "javax.annotation..", "javax.inject..", "javax.persistence..")
                .because("the api knows no container: Java SE, CDI and tests use it alike")
                .check(API);
    }
}
