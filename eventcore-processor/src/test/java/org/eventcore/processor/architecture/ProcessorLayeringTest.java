package org.eventcore.processor.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The processor runs inside javac: it reads EventCore's types by name and never loads them. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProcessorLayeringTest {

    @Test
    void the_processor_uses_no_eventcore_class_outside_its_own_module() {
        noClasses()
                .that()
                .resideInAPackage("org.eventcore.processor..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("org.eventcore..").and(not(resideInAPackage("org.eventcore.processor.."))))
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.eventcore.processor"));
    }
}
