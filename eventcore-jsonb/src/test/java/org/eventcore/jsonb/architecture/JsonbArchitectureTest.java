package org.eventcore.jsonb.architecture;

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
 * The JSON-B serializer sits on the api's model and serializer SPI, and uses JSON-B alone of Jakarta.
 * Its message catalogue is the module's lowest layer: the serializer uses it, and it uses nothing of
 * the module (of EventCore only the message ids and the quoting of identifiers).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JsonbArchitectureTest {

    private static final JavaClasses JSONB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eventcore.jsonb");

    @Test
    void the_messages_are_the_lowest_layer() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Messages")
                .definedBy("org.eventcore.jsonb.messages..")
                .layer("Serializer")
                .definedBy("org.eventcore.jsonb")
                .whereLayer("Messages")
                .mayNotAccessAnyLayer()
                .whereLayer("Serializer")
                .mayOnlyAccessLayers("Messages")
                .check(JSONB);
    }

    @Test
    void the_serializer_uses_the_model_the_serializer_spi_and_json_binding_only() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.eventcore",
                        "org.eventcore.serialization",
                        "org.eventcore.messages",
                        "org.eventcore.jsonb..",
                        "java..",
                        "jakarta.json..")
                .check(JSONB);
    }

    @Test
    void of_eventcore_the_messages_use_only_message_ids_and_the_quoting_of_identifiers() {
        classes()
                .that()
                .resideInAPackage("org.eventcore.jsonb.messages..")
                .should()
                .onlyDependOnClassesThat(
                        resideInAnyPackage("org.eventcore.jsonb.messages..", "org.eventcore.messages", "java..")
                                .or(name("org.eventcore.Identifiers")))
                .check(JSONB);
    }
}
