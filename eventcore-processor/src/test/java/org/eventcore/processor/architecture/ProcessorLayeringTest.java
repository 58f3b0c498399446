package org.eventcore.processor.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The processor runs inside javac: it reads the user's types through the compiler's model and uses of
 * EventCore only the model's naming rule ({@code StreamDeclarations.simpleNameFor}), the one the
 * executor finds the generated classes with, and, for its message catalogue, the annotation
 * {@code MessageId} (and {@code Identifiers} for quoting). Its entry point sits on its internal
 * analysis and generation, never the other way; its messages are the lowest layer, used by both and
 * using nothing of the module.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProcessorLayeringTest {

    /** The classes of eventcore-api the processor may use. */
    private static final Set<String> ALLOWED_API =
            Set.of("org.eventcore.StreamDeclarations", "org.eventcore.messages.MessageId", "org.eventcore.Identifiers");

    @Test
    void of_eventcore_the_processor_uses_the_naming_rule_of_the_model_and_the_message_id_only() {
        noClasses()
                .that()
                .resideInAPackage("org.eventcore.processor..")
                .should()
                .dependOnClassesThat(resideInAPackage("org.eventcore..")
                        .and(not(resideInAPackage("org.eventcore.processor..")))
                        .and(not(describe(
                                "the model's StreamDeclarations, MessageId or Identifiers",
                                c -> ALLOWED_API.contains(c.getName())))))
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

    @Test
    void the_messages_are_the_lowest_layer_used_by_the_entry_point_and_the_internals_using_nothing_of_the_module() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("EntryPoint")
                .definedBy("org.eventcore.processor")
                .layer("Internal")
                .definedBy("org.eventcore.processor.internal..")
                .layer("Messages")
                .definedBy("org.eventcore.processor.messages..")
                .whereLayer("EntryPoint")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Internal")
                .mayOnlyBeAccessedByLayers("EntryPoint")
                .whereLayer("Internal")
                .mayOnlyAccessLayers("Messages")
                .whereLayer("Messages")
                .mayOnlyBeAccessedByLayers("EntryPoint", "Internal")
                .whereLayer("Messages")
                .mayNotAccessAnyLayer()
                .check(PROCESSOR);
    }

    private static final JavaClasses PROCESSOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eventcore.processor");
}
