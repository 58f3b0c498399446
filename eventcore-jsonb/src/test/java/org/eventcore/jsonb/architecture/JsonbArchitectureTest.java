package org.eventcore.jsonb.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The JSON-B serializer sits on the api's model and serializer SPI, and uses JSON-B alone of Jakarta. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JsonbArchitectureTest {

    @Test
    void the_serializer_uses_the_model_the_serializer_spi_and_json_binding_only() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.eventcore",
                        "org.eventcore.serialization",
                        "org.eventcore.jsonb..",
                        "java..",
                        "jakarta.json..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.eventcore.jsonb"));
    }
}
