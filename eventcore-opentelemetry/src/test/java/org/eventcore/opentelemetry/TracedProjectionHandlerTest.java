package org.eventcore.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.ArrayList;
import java.util.List;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.CommandResult;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.projection.ProjectionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A projection's span per event, linked to the command attempt that wrote the event. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TracedProjectionHandlerTest {

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(spans))
                    .build())
            .build();

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void each_handled_event_is_a_span_linked_to_the_attempt_that_wrote_it() {
        InMemoryEventStore store = InMemoryEventStore.create();
        CommandExecutor executor =
                CommandExecutor.create(store, ExecutorSettings.DEFAULT.withListener(EventCoreTelemetry.create(sdk)));
        CommandResult<Deposit.Deposited> written = executor.execute(new Deposit(StreamId.of("account-1"), 5));
        SpanData attempt = spans.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("attempt"))
                .findFirst()
                .orElseThrow();
        spans.reset();

        List<Object> handled = new ArrayList<>();
        ProjectionHandler traced = TracedProjectionHandler.wrap("balances", e -> handled.add(e.payload()), sdk);
        for (StoredEvent<Object> e : store.readLog(GlobalPosition.start(), 100)) {
            traced.handle(e);
        }
        assertThat(handled).containsExactly(new Deposit.Deposited(5));
        SpanData projection = spans.getFinishedSpanItems().get(0);
        assertThat(projection.getName()).isEqualTo("projection balances");
        assertThat(projection.getParentSpanContext().isValid())
                .as("a trace of its own")
                .isFalse();
        assertThat(projection.getLinks()).singleElement().satisfies(link -> {
            assertThat(link.getSpanContext().getTraceId()).isEqualTo(attempt.getTraceId());
            assertThat(link.getSpanContext().getSpanId()).isEqualTo(attempt.getSpanId());
        });
        assertThat(projection.getAttributes().get(TracedProjectionHandler.STREAM))
                .isEqualTo("account-1");
        assertThat(projection.getAttributes().get(TracedProjectionHandler.POSITION))
                .isEqualTo(written.events().get(0).position().encode());
    }

    @Test
    void an_event_without_or_with_a_forged_trace_context_is_handled_without_a_link_and_a_failure_marks_the_span() {
        InMemoryEventStore store = InMemoryEventStore.create();
        CommandExecutor untraced = CommandExecutor.create(store);
        untraced.execute(
                new Deposit(StreamId.of("account-2"), 5),
                org.eventcore.execution.ExecutionOptions.DEFAULT.withMetadata(TraceParent.KEY, "00-forged"));
        ProjectionHandler failing = TracedProjectionHandler.wrap(
                "broken",
                e -> {
                    throw new IllegalStateException("the read model is gone");
                },
                sdk);
        StoredEvent<Object> event = store.readLog(GlobalPosition.start(), 1).get(0);
        assertThatThrownBy(() -> failing.handle(event)).hasMessage("the read model is gone");
        SpanData span = spans.getFinishedSpanItems().get(0);
        assertThat(span.getLinks()).isEmpty();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }
}
