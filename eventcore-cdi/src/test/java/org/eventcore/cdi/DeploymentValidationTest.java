package org.eventcore.cdi;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.arjuna.ats.jta.cdi.TransactionExtension;
import org.eventcore.cdi.fixture.NarayanaTransactionServices;
import org.eventcore.cdi.internal.AttemptTransactions;
import org.eventcore.cdi.internal.CurrentEvent;
import org.eventcore.cdi.internal.EventCoreExtension;
import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DeploymentValidationTest {

    @Test
    void a_deployment_without_an_event_store_bean_fails_and_says_how_to_produce_one() {
        Weld weld = org.eventcore.cdi.fixture.EventCoreWeld.bare()
                .addBeanClasses(AttemptTransactions.class, CurrentEvent.class);
        assertThatThrownBy(() -> weld.initialize().close())
                .hasStackTraceContaining("EC2001 EventCore needs an EventStore bean, and the application has none")
                .hasStackTraceContaining("@Produces @ApplicationScoped EventStore");
    }

    /** A second store besides TestStore. */
    @jakarta.enterprise.context.ApplicationScoped
    static class SecondStore {
        @jakarta.enterprise.inject.Produces
        @jakarta.inject.Singleton
        org.eventcore.spi.EventStore store() {
            return org.eventcore.inmemory.InMemoryEventStore.create();
        }
    }

    @Test
    void a_deployment_with_two_event_store_beans_fails_and_names_both() {
        Weld weld = org.eventcore.cdi.fixture.EventCoreWeld.bare()
                .addBeanClasses(
                        AttemptTransactions.class,
                        CurrentEvent.class,
                        org.eventcore.cdi.fixture.TestStore.class,
                        SecondStore.class);
        assertThatThrownBy(() -> weld.initialize().close())
                .hasStackTraceContaining("EC2002 EventCore found several EventStore beans: ")
                .hasStackTraceContaining(SecondStore.class.getName())
                .hasStackTraceContaining(org.eventcore.cdi.fixture.TestStore.class.getName())
                .hasStackTraceContaining("mark the one to use @Alternative with a priority");
    }

    /** A projection handler that would run outside the runner's transaction. */
    @jakarta.enterprise.context.ApplicationScoped
    static class AsyncHandler {
        void on(@jakarta.enterprise.event.ObservesAsync @Projection("totals") org.eventcore.cdi.fixture.Added added) {}
    }

    /** A projection handler bound to a transaction phase. */
    @jakarta.enterprise.context.ApplicationScoped
    static class AfterCommitHandler {
        void on(
                @jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
                        @Projection("totals")
                        org.eventcore.cdi.fixture.Added added) {}
    }

    @Test
    void a_durable_projection_handler_observing_asynchronously_or_after_commit_fails_the_deployment() {
        for (Class<?> handler : java.util.List.of(AsyncHandler.class, AfterCommitHandler.class)) {
            Weld weld = org.eventcore.cdi.fixture.EventCoreWeld.bare()
                    .addBeanClasses(
                            AttemptTransactions.class,
                            CurrentEvent.class,
                            org.eventcore.cdi.fixture.TestStore.class,
                            handler);
            assertThatThrownBy(() -> weld.initialize().close())
                    .hasStackTraceContaining(handler == AsyncHandler.class ? "EC2042" : "EC2043")
                    .hasStackTraceContaining("durable projection \"totals\"")
                    .hasStackTraceContaining(handler.getName());
        }
    }

    /** An envelope observer whose exact type argument no payload can have. */
    @jakarta.enterprise.context.ApplicationScoped
    static class InterfaceEnvelopeObserver {
        void on(@jakarta.enterprise.event.Observes org.eventcore.StoredEvent<Runnable> event) {}
    }

    @Test
    void an_envelope_observer_of_an_interface_type_argument_fails_the_deployment_and_says_to_use_a_wildcard() {
        Weld weld = org.eventcore.cdi.fixture.EventCoreWeld.bare()
                .addBeanClasses(
                        AttemptTransactions.class,
                        CurrentEvent.class,
                        org.eventcore.cdi.fixture.TestStore.class,
                        InterfaceEnvelopeObserver.class);
        assertThatThrownBy(() -> weld.initialize().close())
                .hasStackTraceContaining("EC2048 An observer in " + InterfaceEnvelopeObserver.class.getName())
                .hasStackTraceContaining("java.lang.Runnable is an interface")
                .hasStackTraceContaining("observe StoredEvent<? extends Runnable>");
    }

    @Test
    void a_command_whose_command_retry_is_out_of_range_fails_the_deployment_naming_the_command() throws Exception {
        Weld bad = org.eventcore.cdi.fixture.EventCoreWeld.bare()
                .addBeanClasses(
                        AttemptTransactions.class,
                        CurrentEvent.class,
                        org.eventcore.cdi.fixture.TestStore.class,
                        Class.forName("org.eventcore.cdi.fixture.BadRetryAddStreams"));
        assertThatThrownBy(() -> bad.initialize().close())
                .hasStackTraceContaining("EC2011 @CommandRetry on org.eventcore.cdi.fixture.BadRetryAdd is invalid")
                .hasStackTraceContaining("timeLimit must be more than zero");
    }

    @Test
    void generated_declarations_are_found_and_their_commands_checked_at_deployment() throws Exception {
        EventCoreExtension extension = new EventCoreExtension();
        Weld good = new Weld()
                .disableDiscovery()
                .addServices(new NarayanaTransactionServices())
                .addExtensions(extension, new TransactionExtension())
                .addBeanClasses(
                        AttemptTransactions.class,
                        CurrentEvent.class,
                        org.eventcore.cdi.fixture.TestStore.class,
                        Class.forName("org.eventcore.cdi.fixture.AddStreams"));
        good.initialize().close();

        Weld bad = org.eventcore.cdi.fixture.EventCoreWeld.bare()
                .addBeanClasses(
                        AttemptTransactions.class,
                        CurrentEvent.class,
                        org.eventcore.cdi.fixture.TestStore.class,
                        org.eventcore.cdi.fixture.NotACommandStreams.class);
        assertThatThrownBy(() -> bad.initialize().close())
                .hasStackTraceContaining("EC2050 The command declared by org.eventcore.cdi.fixture.NotACommandStreams"
                        + " cannot be executed: EC1105 java.lang.String is not a command");
    }

    @Test
    void the_generated_declarations_carry_the_bean_defining_annotation_when_cdi_is_on_the_compile_path()
            throws Exception {
        org.assertj.core.api.Assertions.assertThat(Class.forName("org.eventcore.cdi.fixture.AddStreams")
                        .isAnnotationPresent(jakarta.enterprise.context.Dependent.class))
                .isTrue();
    }
}
