package org.eventcore.bench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what users run: they use EventCore's public API, never an internal package. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BenchArchitectureTest {

    @Test
    void the_benchmarks_use_no_internal_package_of_eventcore() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eventcore..internal..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("org.eventcore.bench"));
    }
}
