package org.eventcore.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.cdi.fixture.Add;
import org.eventcore.cdi.fixture.Added;
import org.eventcore.cdi.fixture.EventCoreWeld;
import org.eventcore.cdi.fixture.PickyProjection;
import org.eventcore.cdi.fixture.ProjectionInfrastructure;
import org.eventcore.cdi.fixture.TestStore;
import org.eventcore.cdi.fixture.TotalsProjection;
import org.eventcore.execution.CommandResult;
import org.eventcore.projection.ErrorPolicy;
import org.eventcore.projection.spi.SkippedEvent;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** @ProjectionOptions give a durable projection its error policy and batch size; wrong ones fail the deployment. */
@EnableWeld
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionOptionsTest {

    @WeldSetup
    WeldInitiator weld = EventCoreWeld.with(TestStore.class, ProjectionInfrastructure.class, PickyProjection.class);

    @Inject
    CommandBus commands;

    @Inject
    DurableProjections projections;

    @Inject
    PickyProjection picky;

    @Test
    void the_error_policy_of_the_options_skips_and_records_the_failing_event_and_goes_on() {
        StreamId counter = StreamId.of("picky-" + System.nanoTime());
        commands.execute(new Add(counter, 1));
        CommandResult<Added> unlucky = commands.execute(new Add(counter, 13));
        CommandResult<Added> last = commands.execute(new Add(counter, 2));

        GlobalPosition reached = last.lastPosition().orElseThrow();
        assertThat(projections.awaitPosition("picky", reached, Duration.ofSeconds(10)))
                .isTrue();
        assertThat(picky.amounts()).containsExactly(1, 2);
        assertThat(projections.status("picky").skipped())
                .singleElement()
                .satisfies(skipped -> {
                    assertThat(skipped.eventId())
                            .isEqualTo(unlucky.events().get(0).id());
                    assertThat(skipped.payloadType()).isEqualTo(Added.class.getName());
                    assertThat(skipped.error()).contains("13 is unlucky");
                })
                .isInstanceOf(SkippedEvent.class);
    }

    /** Options for "totals" on a second class besides TotalsOptions. */
    @ApplicationScoped
    @ProjectionOptions(projection = "totals", batchSize = 5)
    static class MoreTotalsOptions {}

    @ApplicationScoped
    @ProjectionOptions(projection = "totals", errorPolicy = ErrorPolicy.RETRY)
    static class TotalsOptions {}

    @ApplicationScoped
    @ProjectionOptions(projection = "no-such-projection")
    static class OrphanOptions {}

    @ApplicationScoped
    @ProjectionOptions(projection = "totals", batchSize = 0)
    static class ZeroBatch {
        void on(@Observes @Projection("totals") Added added) {}
    }

    private static Weld deployment(Class<?>... beans) {
        return EventCoreWeld.weld(TestStore.class, ProjectionInfrastructure.class, TotalsProjection.class)
                .addBeanClasses(beans);
    }

    @Test
    void options_given_twice_for_one_projection_fail_the_deployment_naming_both_classes() {
        assertThatThrownBy(() -> deployment(TotalsOptions.class, MoreTotalsOptions.class)
                        .initialize()
                        .close())
                .hasStackTraceContaining("EC2051 Both ")
                .hasStackTraceContaining(TotalsOptions.class.getName())
                .hasStackTraceContaining(MoreTotalsOptions.class.getName())
                .hasStackTraceContaining("durable projection \"totals\"");
    }

    @Test
    void options_for_a_projection_without_handlers_fail_the_deployment_and_list_the_projections() {
        assertThatThrownBy(() -> deployment(OrphanOptions.class).initialize().close())
                .hasStackTraceContaining("EC2052 " + OrphanOptions.class.getName())
                .hasStackTraceContaining("\"no-such-projection\", which has no handler; the projections are [totals]");
    }

    @Test
    void an_option_out_of_range_fails_the_deployment_with_the_reason() {
        assertThatThrownBy(() -> deployment(ZeroBatch.class).initialize().close())
                .hasStackTraceContaining("EC2053 The @ProjectionOptions of durable projection \"totals\" on "
                        + ZeroBatch.class.getName())
                .hasStackTraceContaining("EC1620 ProjectionDefinition.batchSize must be 1 to 10000, was 0");
    }
}
