package org.eventcore.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.cdi.fixture.Add;
import org.eventcore.cdi.fixture.GatedProjection;
import org.eventcore.cdi.fixture.Observers;
import org.eventcore.cdi.fixture.PickyProjection;
import org.eventcore.cdi.fixture.ProjectionInfrastructure;
import org.eventcore.cdi.fixture.TestStore;
import org.eventcore.cdi.fixture.TestTelemetry;
import org.eventcore.cdi.fixture.TotalsProjection;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The readiness checks (MicroProfile Health) and the projection metrics (OpenTelemetry) of durable
 * projections: a healthy one, one that skipped a poison event, and one held behind a gate.
 */
@EnableWeld
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionHealthAndMetricsTest {

    static {
        // read when the container starts: a gated projection is "behind" after 300 ms
        System.setProperty("eventcore.health.projection-lag", "PT0.3S");
    }

    @AfterAll
    static void clear() {
        System.clearProperty("eventcore.health.projection-lag");
    }

    @WeldSetup
    WeldInitiator weld = org.eventcore.cdi.fixture.EventCoreWeld.with(
            TestStore.class,
            Observers.class,
            TotalsProjection.class,
            PickyProjection.class,
            GatedProjection.class,
            ProjectionInfrastructure.class,
            TestTelemetry.class);

    @Inject
    CommandBus commands;

    @Inject
    DurableProjections projections;

    @Inject
    TestTelemetry telemetry;

    @Inject
    GatedProjection gated;

    @Inject
    @Readiness
    Instance<HealthCheck> readiness;

    /** EventCore's readiness check: the only one here. */
    private HealthCheckResponse health() {
        List<HealthCheckResponse> all =
                readiness.stream().map(HealthCheck::call).toList();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private GlobalPosition addAll(StreamId stream, int... amounts) {
        GlobalPosition last = GlobalPosition.start();
        for (int amount : amounts) {
            last = commands.execute(new Add(stream, amount)).lastPosition().orElseThrow();
        }
        return last;
    }

    private void awaitAll(GlobalPosition position) {
        for (String name : projections.names()) {
            assertThat(projections.awaitPosition(name, position, Duration.ofSeconds(10)))
                    .as(name)
                    .isTrue();
        }
    }

    /** Waits until every projection found its next batch empty (state IDLE). */
    private void awaitIdle() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!projections.names().stream()
                .allMatch(n -> projections.status(n).state() == org.eventcore.projection.ProjectionState.IDLE)) {
            assertThat(System.nanoTime()).as("projections idle in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void the_readiness_check_is_up_when_the_store_answers_and_every_projection_is_caught_up() throws Exception {
        GlobalPosition last = addAll(StreamId.of("health-a-" + System.nanoTime()), 5, 13, 7);
        awaitAll(last);
        awaitIdle();

        HealthCheckResponse check = health();
        assertThat(check.getName()).isEqualTo("eventcore");
        Map<String, Object> data = check.getData().orElseThrow();
        assertThat(check.getStatus()).as(data.toString()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(data)
                .containsEntry("store", "UP")
                .containsEntry("store.head", last.encode())
                .containsEntry("maxLagMillis", 300L)
                .containsEntry("projection.totals", "UP")
                .containsEntry("projection.gated", "UP")
                .containsEntry("projection.picky", "UP")
                .containsEntry("projection.picky.state", "IDLE")
                .containsEntry("projection.picky.checkpoint", last.encode())
                .containsEntry("projection.picky.lagEvents", 0L)
                .containsEntry("projection.picky.lagMillis", 0L)
                .containsEntry("projection.picky.skipped", 1L)
                .containsEntry("projection.picky.failures", 1L)
                .containsEntry(
                        "projection.picky.leaseOwner",
                        projections.status("picky").lease().orElseThrow().owner());
        assertThat((String) data.get("projection.picky.lastError")).contains("13 is unlucky");
    }

    @Test
    void a_projection_behind_its_bound_makes_the_check_down_naming_it_and_it_is_up_again_when_caught_up()
            throws Exception {
        StreamId stream = StreamId.of("health-b-" + System.nanoTime());
        awaitAll(addAll(stream, 1));
        gated.close();
        try {
            GlobalPosition last = addAll(stream, 2, 3, 4);
            Thread.sleep(600); // past the 300 ms bound
            HealthCheckResponse behind = health();
            assertThat(behind.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            Map<String, Object> data = behind.getData().orElseThrow();
            assertThat(data)
                    .containsEntry("projection.gated", "DOWN")
                    .as("the other parts are ready")
                    .containsEntry("store", "UP")
                    .containsEntry("projection.totals", "UP");
            assertThat((Long) data.get("projection.gated.lagEvents")).isBetween(1L, 3L);
            assertThat((Long) data.get("projection.gated.lagMillis")).isGreaterThan(300L);
            assertThat((String) data.get("projection.gated.reason"))
                    .contains("more than eventcore.health.projection-lag (300 ms)");

            gated.open();
            awaitAll(last);
            assertThat(health().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        } finally {
            gated.open();
        }
    }

    private static Optional<MetricData> metric(Collection<MetricData> all, String name) {
        return all.stream().filter(m -> m.getName().equals(name)).findFirst();
    }

    private static long value(Collection<MetricData> all, String name, Attributes attributes) {
        MetricData m = metric(all, name).orElseThrow(() -> new AssertionError("no metric " + name));
        Collection<LongPointData> points = m.getType() == io.opentelemetry.sdk.metrics.data.MetricDataType.LONG_SUM
                ? m.getLongSumData().getPoints()
                : m.getLongGaugeData().getPoints();
        return points.stream()
                .filter(p -> p.getAttributes().equals(attributes))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no point " + attributes + ": " + points))
                .getValue();
    }

    @Test
    void the_projection_metrics_report_position_lag_handled_skipped_failures_and_state() throws Exception {
        StreamId stream = StreamId.of("metrics-" + System.nanoTime());
        GlobalPosition last = addAll(stream, 5, 13, 7, 2);
        awaitAll(last);
        awaitIdle();

        Collection<MetricData> all = telemetry.metrics().collectAllMetrics();
        AttributeKey<String> name = AttributeKey.stringKey("eventcore.projection.name");
        Attributes picky = Attributes.of(name, "picky");
        Attributes totals = Attributes.of(name, "totals");
        assertThat(value(all, "eventcore.projection.position", picky)).isEqualTo(last.offset());
        assertThat(value(all, "eventcore.projection.lag", picky)).isZero();
        assertThat(value(all, "eventcore.projection.events.handled", picky)).isEqualTo(3);
        assertThat(value(all, "eventcore.projection.events.skipped", picky)).isEqualTo(1);
        assertThat(value(all, "eventcore.projection.failures", picky)).isEqualTo(1);
        assertThat(value(all, "eventcore.projection.events.handled", totals)).isEqualTo(4);
        assertThat(value(all, "eventcore.projection.failures", totals)).isZero();
        assertThat(value(
                        all,
                        "eventcore.projection.up",
                        Attributes.of(name, "totals", AttributeKey.stringKey("eventcore.projection.state"), "idle")))
                .isEqualTo(1);
        MetricData lagDuration =
                metric(all, "eventcore.projection.lag.duration").orElseThrow();
        assertThat(lagDuration.getUnit()).isEqualTo("s");
        assertThat(lagDuration.getDoubleGaugeData().getPoints())
                .extracting(p -> p.getValue())
                .containsOnly(0.0);
        assertThat(List.of("eventcore.projection.position", "eventcore.projection.lag"))
                .allSatisfy(n -> assertThat(metric(all, n)).isPresent());
    }
}
