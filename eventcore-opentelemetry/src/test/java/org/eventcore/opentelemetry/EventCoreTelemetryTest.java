package org.eventcore.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eventcore.CommandId;
import org.eventcore.CommandRejectedException;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.CommandResult;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.PendingEvent;
import org.eventcore.spi.StreamRead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The spans and metrics of commands, with the OpenTelemetry SDK's in-memory exporter and reader. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventCoreTelemetryTest {

    private InMemorySpanExporter spans;
    private InMemoryMetricReader metrics;
    private OpenTelemetrySdk sdk;
    private InMemoryEventStore inner;
    private final AtomicBoolean interfere = new AtomicBoolean();
    private CommandExecutor executor;
    private final StreamId account = StreamId.of("account-1");

    /** The in-memory store; before the next append it is told to, another writer appends to the account. */
    private EventStore interfering() {
        return new EventStore() {
            @Override
            public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
                return inner.read(streams);
            }

            @Override
            public AppendResult append(AppendRequest request) {
                if (interfere.getAndSet(false)) {
                    StreamVersion now = inner.read(Set.of(account)).get(account).version();
                    CommandId other = CommandId.generate();
                    inner.append(new AppendRequest(
                            other,
                            Map.of(account, now),
                            List.of(new PendingEvent(
                                    EventId.generate(),
                                    account,
                                    new Deposit.Deposited(1),
                                    EventMetadata.of("other", other, Instant.EPOCH)))));
                }
                return inner.append(request);
            }

            @Override
            public Optional<List<StoredEvent<Object>>> eventsOf(CommandId commandId) {
                return inner.eventsOf(commandId);
            }
        };
    }

    @BeforeEach
    void setUp() {
        spans = InMemorySpanExporter.create();
        metrics = InMemoryMetricReader.create();
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(spans))
                        .build())
                .setMeterProvider(
                        SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .build();
        inner = InMemoryEventStore.create();
        executor = CommandExecutor.create(
                interfering(),
                ExecutorSettings.DEFAULT
                        .withListener(EventCoreTelemetry.create(sdk))
                        .withRetryPolicy(RetryPolicy.DEFAULT.withBaseDelay(Duration.ZERO)));
    }

    @AfterEach
    void tearDown() {
        sdk.close();
    }

    /**
     * The span called {@code name}: the command's (attempt 0), the attempt span of number {@code attempt},
     * or the append span inside that attempt.
     */
    private static SpanData named(List<SpanData> all, String name, long attempt) {
        return all.stream()
                .filter(s -> s.getName().equals(name))
                .filter(s -> attempt == 0
                        || (name.equals("attempt")
                                ? Long.valueOf(attempt).equals(s.getAttributes().get(EventCoreTelemetry.ATTEMPT))
                                : Long.valueOf(attempt).equals(attemptOf(all, s))))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " " + attempt + " in " + all));
    }

    /** The attempt number of the attempt span that is {@code span}'s parent, or null. */
    private static Long attemptOf(List<SpanData> all, SpanData span) {
        for (SpanData s : all) {
            if (s.getSpanId().equals(span.getParentSpanId())) {
                return s.getAttributes().get(EventCoreTelemetry.ATTEMPT);
            }
        }
        return null;
    }

    @Test
    void a_retried_command_is_one_command_span_with_an_attempt_span_each_and_their_appends() {
        interfere.set(true);
        CommandResult<Deposit.Deposited> result = executor.execute(new Deposit(account, 5));
        assertThat(result.attempts()).isEqualTo(2);

        List<SpanData> all = spans.getFinishedSpanItems();
        assertThat(all)
                .extracting(SpanData::getName)
                .containsExactlyInAnyOrder("append", "attempt", "append", "attempt", "Deposit");
        SpanData command = named(all, "Deposit", 0);
        SpanData first = named(all, "attempt", 1);
        SpanData second = named(all, "attempt", 2);
        SpanData conflicted = named(all, "append", 1);
        SpanData stored = named(all, "append", 2);
        assertThat(command.getParentSpanContext().isValid()).isFalse();
        assertThat(List.of(first, second))
                .allSatisfy(a -> assertThat(a.getParentSpanId()).isEqualTo(command.getSpanId()));
        assertThat(conflicted.getParentSpanId()).isEqualTo(first.getSpanId());
        assertThat(stored.getParentSpanId()).isEqualTo(second.getSpanId());
        assertThat(command.getAttributes().asMap())
                .containsEntry(EventCoreTelemetry.TYPE, "Deposit")
                .containsEntry(EventCoreTelemetry.ID, result.commandId().value())
                .containsEntry(EventCoreTelemetry.ATTEMPTS, 2L)
                .containsEntry(EventCoreTelemetry.OUTCOME, "committed")
                .containsEntry(EventCoreTelemetry.STREAMS, 1L)
                .containsEntry(EventCoreTelemetry.EVENTS, 1L);
        assertThat(first.getAttributes().get(EventCoreTelemetry.ATTEMPT_OUTCOME))
                .isEqualTo("conflict");
        assertThat(first.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(conflicted.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(second.getAttributes().get(EventCoreTelemetry.ATTEMPT_OUTCOME))
                .isEqualTo("committed");
        assertThat(stored.getAttributes().get(EventCoreTelemetry.APPEND_EVENTS)).isEqualTo(1L);
        assertThat(command.getEvents())
                .extracting(e -> e.getName())
                .containsExactly("retrying after StreamConflictException");

        // the event carries the trace context of the attempt that wrote it
        String traceparent = result.events().get(0).metadata().custom().get(TraceParent.KEY);
        assertThat(TraceParent.parse(traceparent)).hasValueSatisfying(c -> {
            assertThat(c.getTraceId()).isEqualTo(command.getTraceId());
            assertThat(c.getSpanId()).isEqualTo(second.getSpanId());
        });
    }

    @Test
    void the_metrics_count_a_known_sequence_of_commands() {
        executor.execute(new Deposit(account, 5));
        executor.execute(new Deposit(account, 6));
        interfere.set(true);
        executor.execute(new Deposit(account, 7));
        assertThatThrownBy(() -> executor.execute(new Deposit(account, 0)))
                .isInstanceOf(CommandRejectedException.class);

        List<MetricData> data = List.copyOf(metrics.collectAllMetrics());
        Attributes committed =
                Attributes.of(EventCoreTelemetry.TYPE, "Deposit", EventCoreTelemetry.OUTCOME, "committed");
        Attributes rejected = Attributes.of(EventCoreTelemetry.TYPE, "Deposit", EventCoreTelemetry.OUTCOME, "rejected");
        Attributes type = Attributes.of(EventCoreTelemetry.TYPE, "Deposit");
        assertThat(sum(data, "eventcore.commands", committed)).isEqualTo(3);
        assertThat(sum(data, "eventcore.commands", rejected)).isEqualTo(1);
        assertThat(sum(data, "eventcore.command.attempts", type))
                .as("3 + 1 retry + 1")
                .isEqualTo(5);
        assertThat(sum(data, "eventcore.command.conflicts", type)).isEqualTo(1);
        assertThat(sum(data, "eventcore.events.appended", type))
                .as("stored by the committed attempts")
                .isEqualTo(3);
        assertThat(histogramCount(data, "eventcore.command.duration", committed))
                .isEqualTo(3);
        assertThat(histogramCount(data, "eventcore.append.duration", type))
                .as("4 appends, one of them conflicted")
                .isEqualTo(4);
        assertThat(data)
                .filteredOn(m -> m.getName().equals("eventcore.command.duration"))
                .singleElement()
                .satisfies(m -> assertThat(m.getUnit()).isEqualTo("s"));
    }

    @Test
    void the_duration_histograms_point_to_the_command_and_the_append_and_the_counters_carry_no_exemplar() {
        executor.execute(new Deposit(account, 5));

        List<SpanData> all = spans.getFinishedSpanItems();
        SpanData command = named(all, "Deposit", 0);
        SpanData append = named(all, "append", 1);
        List<MetricData> data = List.copyOf(metrics.collectAllMetrics());
        assertThat(exemplarSpanIds(data, "eventcore.command.duration"))
                .as("recorded while the command's span is current (the SDK keeps exemplars of sampled traces)")
                .containsExactly(command.getSpanId());
        assertThat(exemplarSpanIds(data, "eventcore.append.duration")).containsExactly(append.getSpanId());
        for (String counter :
                List.of("eventcore.commands", "eventcore.command.attempts", "eventcore.events.appended")) {
            assertThat(exemplarSpanIds(data, counter)).as(counter).isEmpty();
        }
    }

    private static List<String> exemplarSpanIds(List<MetricData> data, String name) {
        return data.stream()
                .filter(m -> m.getName().equals(name))
                .flatMap(m -> m.getData().getPoints().stream())
                .flatMap(p -> p.getExemplars().stream())
                .map(e -> e.getSpanContext().getSpanId())
                .toList();
    }

    @Test
    void without_an_sdk_the_listener_does_nothing_and_adds_no_trace_context() {
        CommandExecutor plain = CommandExecutor.create(
                InMemoryEventStore.create(),
                ExecutorSettings.DEFAULT.withListener(
                        EventCoreTelemetry.create(io.opentelemetry.api.OpenTelemetry.noop())));
        CommandResult<Deposit.Deposited> result = plain.execute(new Deposit(account, 5));
        assertThat(result.events().get(0).metadata().custom()).doesNotContainKey(TraceParent.KEY);
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    private static long sum(List<MetricData> data, String name, Attributes attributes) {
        return data.stream()
                .filter(m -> m.getName().equals(name))
                .flatMap(m -> m.getLongSumData().getPoints().stream())
                .filter(p -> p.getAttributes().equals(attributes))
                .mapToLong(LongPointData::getValue)
                .sum();
    }

    private static long histogramCount(List<MetricData> data, String name, Attributes attributes) {
        return data.stream()
                .filter(m -> m.getName().equals(name))
                .flatMap(m -> m.getHistogramData().getPoints().stream())
                .filter(p -> p.getAttributes().equals(attributes))
                .mapToLong(HistogramPointData::getCount)
                .sum();
    }

    @Test
    void the_state_cache_counts_are_reported_as_asynchronous_counters() throws Exception {
        CommandExecutor cached = CommandExecutor.create(InMemoryEventStore.create());
        try (AutoCloseable observed = EventCoreTelemetry.observeStateCache(sdk, cached::stateCacheStatistics)) {
            for (int i = 0; i < 3; i++) {
                cached.execute(new CachedDeposit(account, 5));
            }
            List<MetricData> data = List.copyOf(metrics.collectAllMetrics());
            assertThat(sum(data, "eventcore.state_cache.misses", Attributes.empty()))
                    .isEqualTo(1);
            assertThat(sum(data, "eventcore.state_cache.hits", Attributes.empty()))
                    .isEqualTo(2);
            assertThat(data)
                    .filteredOn(m -> m.getName().equals("eventcore.state_cache.entries"))
                    .singleElement()
                    .satisfies(m -> assertThat(m.getLongGaugeData().getPoints())
                            .singleElement()
                            .satisfies(p -> assertThat(p.getValue()).isEqualTo(1)));
        }
    }
}
