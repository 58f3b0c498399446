package org.eventcore.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.cdi.fixture.Add;
import org.eventcore.cdi.fixture.Observers;
import org.eventcore.cdi.fixture.ProjectionInfrastructure;
import org.eventcore.cdi.fixture.TestStore;
import org.eventcore.cdi.fixture.TestTelemetry;
import org.eventcore.cdi.fixture.TotalsProjection;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A durable projection's work links back to the commands that caused it; an idle log makes no spans. */
@EnableWeld
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TracedProjectionsTest {

    @WeldSetup
    WeldInitiator weld = org.eventcore.cdi.fixture.EventCoreWeld.with(
            TestStore.class,
            Observers.class,
            TotalsProjection.class,
            ProjectionInfrastructure.class,
            TestTelemetry.class);

    @Inject
    CommandBus commands;

    @Inject
    DurableProjections projections;

    @Inject
    TestTelemetry telemetry;

    private List<SpanData> spans(String name) {
        return telemetry.spans().getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals(name))
                .toList();
    }

    @Test
    void each_event_the_projection_handles_is_a_span_linked_to_the_attempt_that_wrote_it() throws Exception {
        StreamId a = StreamId.of("traced-a-" + System.nanoTime());
        commands.execute(new Add(a, 5));
        GlobalPosition last = commands.execute(new Add(a, 3)).lastPosition().orElseThrow();
        assertThat(projections.awaitPosition("totals", last, Duration.ofSeconds(10)))
                .isTrue();

        Set<String> attempts =
                spans("attempt").stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        List<SpanData> handled = spans("projection totals");
        assertThat(handled).hasSize(2);
        assertThat(handled)
                .allSatisfy(s -> assertThat(s.getLinks())
                        .singleElement()
                        .satisfies(l ->
                                assertThat(attempts).contains(l.getSpanContext().getSpanId())));

        // the runner keeps polling the idle log: no span for that
        Thread.sleep(1_500);
        assertThat(spans("projection totals")).hasSize(2);
    }
}
