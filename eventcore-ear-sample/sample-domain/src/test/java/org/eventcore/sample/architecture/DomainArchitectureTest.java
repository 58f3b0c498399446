package org.eventcore.sample.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The sample's domain: its bounded contexts (banking, shop) stand apart, and they are plain Java over
 * EventCore's model and event types: no executor, store or web API. Two Jakarta annotations are
 * allowed: the read models' rows are JPA entities, and the processor marks the generated stream
 * declarations {@code @Dependent} for CDI.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DomainArchitectureTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eventcore.sample");

    @Test
    void the_bounded_contexts_do_not_depend_on_each_other() {
        slices().matching("org.eventcore.sample.(*)..")
                .should()
                .notDependOnEachOther()
                .check(DOMAIN);
    }

    @Test
    void the_domain_uses_the_model_of_eventcore_and_its_constraints_and_no_runtime_store_or_web_api() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "org.eventcore",
                        "org.eventcore.serialization",
                        "org.eventcore.sample..",
                        "java..",
                        "jakarta.persistence..",
                        "jakarta.enterprise.context..",
                        // the commands' Bean Validation constraints: annotations, checked by the bus
                        "jakarta.validation.constraints..")
                .check(DOMAIN);
    }
}
