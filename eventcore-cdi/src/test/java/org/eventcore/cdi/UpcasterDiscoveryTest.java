package org.eventcore.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eventcore.EventMetadata;
import org.eventcore.cdi.fixture.EventCoreWeld;
import org.eventcore.cdi.fixture.TestStore;
import org.eventcore.serialization.EventType;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.serialization.EventUpcaster;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Upcasters as CDI beans: the extension finds them, the application gives them to its registry through
 * {@link EventUpcasters}, and the registry is built at deployment, so that a broken chain or a forgotten
 * upcaster fails the deployment.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UpcasterDiscoveryTest {

    @EventType(name = "test.Renamed", revision = 2)
    public record Renamed(String text) {}

    /** A step from revision 1 of test.Renamed, on text payloads. */
    @ApplicationScoped
    public static class RenamedV1 implements EventUpcaster<String> {
        @Override
        public String type() {
            return "test.Renamed";
        }

        @Override
        public int revision() {
            return 1;
        }

        @Override
        public Class<String> form() {
            return String.class;
        }

        @Override
        public String upcast(String payload, EventMetadata metadata) {
            return payload;
        }
    }

    /** A second step from the same revision, produced by a method. */
    @Dependent
    public static class SecondStep {
        @Produces
        EventUpcaster<Object> alsoFromRevisionOne() {
            return EventUpcaster.compatible("test.Renamed", 1);
        }
    }

    /** The registry as the manual shows it. */
    @ApplicationScoped
    public static class Types {
        @Produces
        @Singleton
        EventTypeRegistry types(EventUpcasters upcasters) {
            return EventTypeRegistry.builder()
                    .register(Renamed.class)
                    .upcasters(upcasters)
                    .build();
        }
    }

    /** A registry that forgets the upcaster beans. */
    @ApplicationScoped
    public static class ForgetfulTypes {
        @Produces
        @Singleton
        EventTypeRegistry types() {
            return EventTypeRegistry.builder().register(Renamed.class).build();
        }
    }

    private static Weld deployment(Class<?>... beans) {
        return EventCoreWeld.weld(beans).addBeanClasses(TestStore.class);
    }

    @Test
    void an_upcaster_bean_reaches_the_registry_through_event_upcasters() {
        try (WeldContainer container = deployment(RenamedV1.class, Types.class).initialize()) {
            EventTypeRegistry registry =
                    container.select(EventTypeRegistry.class).get();

            assertThat(registry.upcasters()).hasSize(1);
            assertThat(registry.readPath("test.Renamed", 1).steps()).hasSize(1);
            assertThat(container.select(EventUpcasters.class).get().all())
                    .singleElement()
                    .satisfies(u -> assertThat(u.type()).isEqualTo("test.Renamed"));
        }
    }

    @Test
    void a_broken_chain_fails_the_deployment_with_the_registry_s_problem() {
        assertThatThrownBy(() -> deployment(RenamedV1.class, SecondStep.class, Types.class)
                        .initialize()
                        .close())
                .hasStackTraceContaining(
                        "EC2057 The EventTypeRegistry bean " + Types.class.getName() + " cannot be built:"
                                + " EC1512 The upcasters of the event type registry do not form valid chains: two upcasters read"
                                + " test.Renamed revision 1");
    }

    @Test
    void an_upcaster_bean_left_out_of_the_registry_fails_the_deployment() {
        assertThatThrownBy(() -> deployment(RenamedV1.class, ForgetfulTypes.class)
                        .initialize()
                        .close())
                .hasStackTraceContaining("EC2058 The upcaster bean " + RenamedV1.class.getName()
                        + " (test.Renamed revision 1) is not in the EventTypeRegistry produced by "
                        + ForgetfulTypes.class.getName());
    }

    @Test
    void upcaster_beans_without_a_registry_bean_fail_the_deployment_and_say_how_to_produce_one() {
        assertThatThrownBy(() -> deployment(RenamedV1.class).initialize().close())
                .hasStackTraceContaining("EC2056 The application has upcaster beans [" + RenamedV1.class.getName()
                        + "] but no EventTypeRegistry bean")
                .hasStackTraceContaining("@Produces @Singleton EventTypeRegistry types(EventUpcasters upcasters)");
    }
}
