package org.eventcore.processor.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The processor runs inside javac: it reads the user's types through the compiler's model and uses of
 * EventCore only the model's naming rule ({@code StreamDeclarations.simpleNameFor}), the one the
 * executor finds the generated classes with; its entry point sits on its internal analysis and
 * generation, never the other way.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProcessorLayeringTest {

    @Test
    void of_eventcore_the_processor_uses_the_naming_rule_of_the_model_only() {
        noClasses()
                .that()
                .resideInAPackage("org.eventcore.processor..")
                .should()
                .dependOnClassesThat(resideInAPackage("org.eventcore..")
                        .and(not(resideInAPackage("org.eventcore.processor..")))
                        .and(not(com.tngtech.archunit.base.DescribedPredicate.describe(
                                "the model's StreamDeclarations",
                                c -> c.getName().equals("org.eventcore.StreamDeclarations")))))
                .check(PROCESSOR);
    }

    @Test
    void the_entry_point_uses_the_internal_analysis_and_generation_never_the_other_way() {
        noClasses()
                .that()
                .resideInAPackage("org.eventcore.processor.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eventcore.processor")
                .check(PROCESSOR);
    }

    private static final com.tngtech.archunit.core.domain.JavaClasses PROCESSOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eventcore.processor");
}
