package org.eventcore.cdi.architecture;

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
 * The layers of eventcore-cdi: the message catalogue at the bottom, used by all and using nothing of
 * the module; the public contract (CommandBus, DurableProjections, the annotations) above it, the
 * extension and beans that implement it on top; a thin container layer over the api, the projection
 * runtime and their SPIs, which knows no store.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CdiArchitectureTest {

    private static final JavaClasses CDI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.eventcore.cdi");

    /** The classes of EventCore outside this module that the message catalogue may use. */
    private static final Set<String> MESSAGES_MAY_USE =
            Set.of("org.eventcore.messages.MessageId", "org.eventcore.Identifiers");

    @Test
    void the_implementation_depends_on_the_contract_never_the_other_way_and_both_on_the_messages() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Messages")
                .definedBy("org.eventcore.cdi.messages..")
                .layer("Contract")
                .definedBy("org.eventcore.cdi")
                .layer("Implementation")
                .definedBy("org.eventcore.cdi.internal..")
                .whereLayer("Messages")
                .mayNotAccessAnyLayer()
                .whereLayer("Messages")
                .mayOnlyBeAccessedByLayers("Contract", "Implementation")
                .whereLayer("Contract")
                .mayOnlyAccessLayers("Messages")
                .whereLayer("Implementation")
                .mayNotBeAccessedByAnyLayer()
                .check(CDI);
    }

    @Test
    void the_messages_use_of_eventcore_only_the_message_id_and_the_quoting_of_identifiers() {
        noClasses()
                .that()
                .resideInAPackage("org.eventcore.cdi.messages..")
                .should()
                .dependOnClassesThat(resideInAPackage("org.eventcore..")
                        .and(not(resideInAPackage("org.eventcore.cdi.messages..")))
                        .and(not(describe("MessageId or Identifiers", c -> MESSAGES_MAY_USE.contains(c.getName())))))
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
