package org.eventcore.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.inject.Inject;
import java.util.List;
import org.eventcore.StreamId;
import org.eventcore.cdi.fixture.Add;
import org.eventcore.cdi.fixture.Added;
import org.eventcore.cdi.fixture.TestStore;
import org.eventcore.cdi.fixture.TestTelemetry;
import org.eventcore.execution.CommandResult;
import org.eventcore.opentelemetry.TraceParent;
import org.eventcore.testkit.contract.StoreFixture;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The bus reports through the container's OpenTelemetry bean: a retried command's span tree, in Weld. */
@EnableWeld
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TelemetryBusTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(org.eventcore.cdi.fixture.EventCoreWeld.weld(
                    TestStore.class, org.eventcore.cdi.fixture.ProjectionInfrastructure.class, TestTelemetry.class))
            .build();

    @Inject
    CommandBus commands;

    @Inject
    TestStore store;

    @Inject
    TestTelemetry telemetry;

    @Test
    void a_command_retried_after_a_conflict_is_one_command_span_with_two_attempts_and_its_events_carry_the_trace() {
        StreamId counter = StreamId.of("traced-" + System.nanoTime());
        store.beforeNextAppend(() -> store.inner()
                .append(StoreFixture.request()
                        .expect(counter, 0)
                        .write(counter, new Added(1))
                        .build()));
        CommandResult<Added> result = commands.execute(new Add(counter, 5));
        assertThat(result.attempts()).isEqualTo(2);

        List<SpanData> spans = telemetry.spans().getFinishedSpanItems();
        SpanData command = spans.stream()
                .filter(s -> s.getName().equals("Add"))
                .findFirst()
                .orElseThrow();
        List<SpanData> attempts =
                spans.stream().filter(s -> s.getName().equals("attempt")).toList();
        assertThat(attempts)
                .hasSize(2)
                .allSatisfy(a -> assertThat(a.getParentSpanId()).isEqualTo(command.getSpanId()));
        assertThat(spans).filteredOn(s -> s.getName().equals("append")).hasSize(2);
        assertThat(TraceParent.parse(result.events().get(0).metadata().custom().get(TraceParent.KEY)))
                .hasValueSatisfying(c -> assertThat(c.getTraceId()).isEqualTo(command.getTraceId()));
    }

    @Test
    void the_bus_reports_command_metrics_and_its_state_caches_counts() {
        StreamId counter = StreamId.of("metered-" + System.nanoTime());
        for (int i = 0; i < 3; i++) {
            commands.execute(new org.eventcore.cdi.fixture.CachedAdd(counter, 1));
        }
        var data = List.copyOf(telemetry.metrics().collectAllMetrics());
        assertThat(longSum(data, "eventcore.state_cache.hits"))
                .isEqualTo(commands.stateCacheStatistics().hits());
        assertThat(longSum(data, "eventcore.state_cache.hits")).isEqualTo(2);
        assertThat(longSum(data, "eventcore.commands")).isEqualTo(3);
    }

    private static long longSum(List<io.opentelemetry.sdk.metrics.data.MetricData> data, String name) {
        return data.stream()
                .filter(m -> m.getName().equals(name))
                .flatMap(m -> m.getLongSumData().getPoints().stream())
                .mapToLong(io.opentelemetry.sdk.metrics.data.LongPointData::getValue)
                .sum();
    }
}
