package org.eventcore.cdi.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The layers of eventcore-cdi: the public contract (CommandBus, DurableProjections, the annotations)
 * at the bottom, the extension and beans that implement it above; a thin container layer over the
 * api, the projection runtime and their SPIs, which knows no store.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CdiArchitectureTest {

    private static final JavaClasses CDI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eventcore.cdi");

    @Test
    void the_implementation_depends_on_the_contract_never_the_other_way() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Contract")
                .definedBy("org.eventcore.cdi")
                .layer("Implementation")
                .definedBy("org.eventcore.cdi.internal..")
                .whereLayer("Contract")
                .mayNotAccessAnyLayer()
                .whereLayer("Implementation")
                .mayNotBeAccessedByAnyLayer()
                .check(CDI);
    }

    @Test
    void the_cdi_layer_knows_no_store_and_no_internal_package_of_another_module() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.eventcore.jpa..",
                        "org.eventcore.inmemory..",
                        "org.eventcore.projection.inmemory..",
                        "jakarta.persistence..")
                .because("stores are chosen by the application, through CDI beans of the SPI types")
                .check(CDI);
    }
}
