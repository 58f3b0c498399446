package org.eventcore.sample.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The sample's web application in vertical slices: the banking and shop slices (resources, read
 * models, projections) on top, each unaware of the other; the HTTP edge (bodies, problems, positions,
 * security) and the infrastructure (EventCore's set-up, schema) below them, and never the reverse.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WebArchitectureTest {

    private static final JavaClasses WEB = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eventcore.sample.web");

    @Test
    void the_slices_sit_on_the_http_edge_and_the_infrastructure_and_not_on_each_other() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Banking")
                .definedBy("org.eventcore.sample.web.banking..")
                .layer("Shop")
                .definedBy("org.eventcore.sample.web.shop..")
                .layer("Application")
                .definedBy("org.eventcore.sample.web")
                .layer("HTTP edge")
                .definedBy("org.eventcore.sample.web.http..")
                .layer("Infrastructure")
                .definedBy("org.eventcore.sample.web.infrastructure..")
                .whereLayer("Banking")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Shop")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("HTTP edge")
                .mayOnlyBeAccessedByLayers("Banking", "Shop", "Application", "Infrastructure")
                .whereLayer("Infrastructure")
                .mayOnlyBeAccessedByLayers("Banking", "Shop", "Application")
                .check(WEB);
    }

    @Test
    void the_sample_uses_no_internal_package_of_eventcore() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eventcore..internal..")
                .because("the sample is what users copy: it shows the public API only")
                .check(WEB);
    }
}
