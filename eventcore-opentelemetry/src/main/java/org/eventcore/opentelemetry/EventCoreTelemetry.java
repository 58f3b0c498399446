package org.eventcore.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eventcore.CommandId;
import org.eventcore.CommandRejectedException;
import org.eventcore.EventCoreException;
import org.eventcore.RetriesExhaustedException;
import org.eventcore.StreamConflictException;
import org.eventcore.execution.CommandResult;
import org.eventcore.execution.ExecutionListener;
import org.eventcore.execution.StateCacheStatistics;
import org.eventcore.projection.ProjectionStatus;

/**
 * Traces and metrics of command executions through the OpenTelemetry API: an
 * {@link ExecutionListener} for {@link org.eventcore.execution.ExecutorSettings#withListener}.
 *
 * <pre>{@code
 * ExecutorSettings settings = ExecutorSettings.DEFAULT.withListener(EventCoreTelemetry.create(openTelemetry));
 * }</pre>
 *
 * <p><b>Spans</b> (instrumentation scope {@code org.eventcore}): one per command, {@code <CommandType>}
 * (kind internal; {@code eventcore.command.type}, {@code eventcore.command.id},
 * {@code eventcore.command.attempts}, {@code eventcore.command.outcome}, {@code eventcore.command.streams},
 * {@code eventcore.command.events}), a child {@code attempt} per attempt ({@code eventcore.attempt},
 * its outcome), and in it an {@code append} per append ({@code eventcore.append.streams},
 * {@code eventcore.append.events}). Each event a command writes carries the {@code traceparent} of the
 * attempt that wrote it ({@link TraceParent#KEY}), so the work its events cause links back to it.
 *
 * <p><b>Metrics</b> (meter {@code org.eventcore}): {@code eventcore.commands} (counter, by
 * {@code eventcore.command.type} and {@code eventcore.command.outcome}), {@code eventcore.command.attempts}
 * (counter), {@code eventcore.command.conflicts} (counter), {@code eventcore.command.duration} and
 * {@code eventcore.append.duration} (histograms, seconds), {@code eventcore.events.appended} (counter).
 *
 * <p>The two duration histograms are recorded while the command's or the append's span is current, so an
 * SDK that keeps exemplars (its default keeps those of sampled traces) links a slow bucket to a trace; the
 * counters are recorded outside any span and carry no exemplar, which would cost as much as the count.
 *
 * <p>With the API's no-op implementation (no SDK installed) every call does nothing. Spans are kept per
 * thread while a command runs, as the executor runs each command on one thread. Thread-safe.
 */
public final class EventCoreTelemetry implements ExecutionListener {

    static final String SCOPE = "org.eventcore";

    static final AttributeKey<String> TYPE = AttributeKey.stringKey("eventcore.command.type");
    static final AttributeKey<String> ID = AttributeKey.stringKey("eventcore.command.id");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("eventcore.command.outcome");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("eventcore.command.attempts");
    static final AttributeKey<Long> STREAMS = AttributeKey.longKey("eventcore.command.streams");
    static final AttributeKey<Long> EVENTS = AttributeKey.longKey("eventcore.command.events");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("eventcore.attempt");
    static final AttributeKey<String> ATTEMPT_OUTCOME = AttributeKey.stringKey("eventcore.attempt.outcome");
    static final AttributeKey<Long> APPEND_STREAMS = AttributeKey.longKey("eventcore.append.streams");
    static final AttributeKey<Long> APPEND_EVENTS = AttributeKey.longKey("eventcore.append.events");

    private final Tracer tracer;
    private final LongCounter commands;
    private final LongCounter attempts;
    private final LongCounter conflicts;
    private final LongCounter eventsAppended;
    private final DoubleHistogram commandDuration;
    private final DoubleHistogram appendDuration;

    /**
     * The attributes of a command type, and of a type with each outcome, made once: a command's
     * instruments are recorded with the same few sets again and again.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Attributes> typeAttributes =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.concurrent.ConcurrentHashMap<
                    String, java.util.concurrent.ConcurrentHashMap<String, Attributes>>
            outcomeAttributes = new java.util.concurrent.ConcurrentHashMap<>();

    private Attributes typed(String commandType) {
        return typeAttributes.computeIfAbsent(commandType, t -> Attributes.of(TYPE, t));
    }

    private Attributes typed(String commandType, String outcome) {
        return outcomeAttributes
                .computeIfAbsent(commandType, t -> new java.util.concurrent.ConcurrentHashMap<>())
                .computeIfAbsent(outcome, o -> Attributes.of(TYPE, commandType, OUTCOME, o));
    }

    /** The open spans of the commands running on this thread, innermost first. */
    private final ThreadLocal<Deque<Open>> open = ThreadLocal.withInitial(ArrayDeque::new);

    /** An open span, the scope that makes it current, when it began, and the events of an append. */
    private record Open(Span span, Scope scope, long startedNanos, String type, long events) {}

    private EventCoreTelemetry(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer(SCOPE);
        Meter meter = telemetry.getMeter(SCOPE);
        this.commands = meter.counterBuilder("eventcore.commands")
                .setDescription("Commands executed, by type and outcome")
                .setUnit("{command}")
                .build();
        this.attempts = meter.counterBuilder("eventcore.command.attempts")
                .setDescription("Attempts of commands, the retries among them")
                .setUnit("{attempt}")
                .build();
        this.conflicts = meter.counterBuilder("eventcore.command.conflicts")
                .setDescription("Attempts whose append met a version conflict")
                .setUnit("{conflict}")
                .build();
        this.eventsAppended = meter.counterBuilder("eventcore.events.appended")
                .setDescription("Events appended by committed and uncommitted attempts")
                .setUnit("{event}")
                .build();
        this.commandDuration = meter.histogramBuilder("eventcore.command.duration")
                .setDescription("Duration of commands, all attempts and backoffs included")
                .setUnit("s")
                .build();
        this.appendDuration = meter.histogramBuilder("eventcore.append.duration")
                .setDescription("Duration of appends, until stored (before the commit)")
                .setUnit("s")
                .build();
    }

    /**
     * Reports the counts of a state cache as asynchronous counters through {@code telemetry}'s meter
     * {@code org.eventcore}: {@code eventcore.state_cache.hits}, {@code .misses}, {@code .refolds},
     * {@code .evictions}, {@code .snapshots_loaded}, {@code .snapshots_written} ({@code {load}},
     * {@code {eviction}}, {@code {snapshot}}) and the gauge {@code eventcore.state_cache.entries}; read
     * from {@code statistics} at each collection.
     *
     * @return closes the instruments
     */
    public static AutoCloseable observeStateCache(
            OpenTelemetry telemetry, java.util.function.Supplier<StateCacheStatistics> statistics) {
        Meter meter = telemetry.getMeter(SCOPE);
        java.util.List<AutoCloseable> instruments = new java.util.ArrayList<>();
        record Count(
                String name,
                String unit,
                String description,
                java.util.function.ToLongFunction<StateCacheStatistics> value) {}
        for (Count c : java.util.List.of(
                new Count("hits", "{load}", "Cached loads that read only the new events", StateCacheStatistics::hits),
                new Count("misses", "{load}", "Loads that folded from the first event", StateCacheStatistics::misses),
                new Count(
                        "refolds",
                        "{load}",
                        "Loads that found an entry but folded again",
                        StateCacheStatistics::refolds),
                new Count("evictions", "{eviction}", "Entries evicted", StateCacheStatistics::evictions),
                new Count(
                        "snapshots_loaded",
                        "{snapshot}",
                        "Misses answered by a snapshot",
                        StateCacheStatistics::snapshotsLoaded),
                new Count(
                        "snapshots_written",
                        "{snapshot}",
                        "Snapshots stored",
                        StateCacheStatistics::snapshotsWritten))) {
            instruments.add(meter.counterBuilder("eventcore.state_cache." + c.name())
                    .setUnit(c.unit())
                    .setDescription(c.description())
                    .buildWithCallback(m -> m.record(c.value().applyAsLong(statistics.get()))));
        }
        instruments.add(meter.gaugeBuilder("eventcore.state_cache.entries")
                .ofLongs()
                .setUnit("{entry}")
                .setDescription("Entries held by the state cache")
                .buildWithCallback(m -> m.record(statistics.get().entries())));
        return () -> {
            for (AutoCloseable i : instruments) {
                i.close();
            }
        };
    }

    /** The projection a projection metric is about. */
    static final AttributeKey<String> PROJECTION_NAME = AttributeKey.stringKey("eventcore.projection.name");

    /** The state a projection is in ({@link org.eventcore.projection.ProjectionState}, lower case). */
    static final AttributeKey<String> PROJECTION_STATE = AttributeKey.stringKey("eventcore.projection.state");

    /**
     * Reports durable projections through {@code telemetry}'s meter {@code org.eventcore}, read from
     * {@code statuses} once per collection (one callback for all instruments, so each collection reads
     * each status once), each measurement with the attribute {@code eventcore.projection.name}:
     *
     * <ul>
     *   <li>{@code eventcore.projection.position} ({@code {position}}, gauge): the checkpoint's
     *       {@link org.eventcore.GlobalPosition#offset() offset};
     *   <li>{@code eventcore.projection.lag} ({@code {event}}, gauge): events after the checkpoint,
     *       counted up to {@link ProjectionStatus#LAG_COUNTED};
     *   <li>{@code eventcore.projection.lag.duration} ({@code s}, gauge): how long the earliest of them
     *       has waited;
     *   <li>{@code eventcore.projection.events.handled} and {@code .events.skipped} ({@code {event}},
     *       counters), {@code eventcore.projection.failures} ({@code {batch}}, counter);
     *   <li>{@code eventcore.projection.up} ({@code 1}, gauge, with {@code eventcore.projection.state}):
     *       1 for the projection's current state.
     * </ul>
     *
     * Reading a status costs a few queries of the store; a collector that reads every 60 seconds (the
     * SDK's default) makes them once a minute.
     *
     * @return closes the instruments
     */
    public static AutoCloseable observeProjections(
            OpenTelemetry telemetry,
            java.util.function.Supplier<? extends java.util.Collection<ProjectionStatus>> statuses) {
        Objects.requireNonNull(statuses, "statuses");
        Meter meter = telemetry.getMeter(SCOPE);
        io.opentelemetry.api.metrics.ObservableLongMeasurement position = meter.gaugeBuilder(
                        "eventcore.projection.position")
                .ofLongs()
                .setUnit("{position}")
                .setDescription("The offset of the last position the projection committed")
                .buildObserver();
        io.opentelemetry.api.metrics.ObservableLongMeasurement lag = meter.gaugeBuilder("eventcore.projection.lag")
                .ofLongs()
                .setUnit("{event}")
                .setDescription(
                        "Events after the projection's checkpoint (counted up to " + ProjectionStatus.LAG_COUNTED + ")")
                .buildObserver();
        io.opentelemetry.api.metrics.ObservableDoubleMeasurement lagDuration = meter.gaugeBuilder(
                        "eventcore.projection.lag.duration")
                .setUnit("s")
                .setDescription("How long the earliest event after the projection's checkpoint has waited")
                .buildObserver();
        io.opentelemetry.api.metrics.ObservableLongMeasurement handled = meter.counterBuilder(
                        "eventcore.projection.events.handled")
                .setUnit("{event}")
                .setDescription("Events the projection handled in committed batches on this node")
                .buildObserver();
        io.opentelemetry.api.metrics.ObservableLongMeasurement skipped = meter.counterBuilder(
                        "eventcore.projection.events.skipped")
                .setUnit("{event}")
                .setDescription("Events the projection skipped and recorded, on every node")
                .buildObserver();
        io.opentelemetry.api.metrics.ObservableLongMeasurement failures = meter.counterBuilder(
                        "eventcore.projection.failures")
                .setUnit("{batch}")
                .setDescription("Batches that failed on this node (retried, skipped or stopping the projection)")
                .buildObserver();
        io.opentelemetry.api.metrics.ObservableLongMeasurement up = meter.gaugeBuilder("eventcore.projection.up")
                .ofLongs()
                .setUnit("1")
                .setDescription("1 for the state the projection is in")
                .buildObserver();
        return meter.batchCallback(
                () -> {
                    for (ProjectionStatus s : statuses.get()) {
                        Attributes named = Attributes.of(PROJECTION_NAME, s.name());
                        position.record(s.checkpoint().offset(), named);
                        lag.record(s.lagEvents(), named);
                        lagDuration.record(s.lag().toNanos() / 1e9, named);
                        handled.record(s.eventsHandled(), named);
                        skipped.record(s.skippedCount(), named);
                        failures.record(s.failures(), named);
                        up.record(
                                1,
                                Attributes.of(
                                        PROJECTION_NAME,
                                        s.name(),
                                        PROJECTION_STATE,
                                        s.state().name().toLowerCase(java.util.Locale.ROOT)));
                    }
                },
                position,
                lag,
                lagDuration,
                handled,
                skipped,
                failures,
                up);
    }

    /** Telemetry through {@code telemetry} (the server's, or {@code GlobalOpenTelemetry.get()}). */
    public static EventCoreTelemetry create(OpenTelemetry telemetry) {
        return new EventCoreTelemetry(Objects.requireNonNull(telemetry, "telemetry"));
    }

    private void push(Span span, String type, long events) {
        open.get().push(new Open(span, span.makeCurrent(), System.nanoTime(), type, events));
    }

    /** Closes the innermost open span; returns it, or null when none is open (a listener added mid-way). */
    private Open pop() {
        Deque<Open> stack = open.get();
        Open top = stack.poll();
        if (top != null) {
            top.scope().close();
            top.span().end();
        }
        // the emptied stack stays with the thread: removing it made every command create the thread's
        // entry again (a profile showed that churn); an empty ArrayDeque holds nothing of the application
        return top;
    }

    @Override
    public void started(CommandId commandId, String commandType) {
        Span span = tracer.spanBuilder(commandType)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(TYPE, commandType)
                .setAttribute(ID, commandId.value())
                .startSpan();
        push(span, commandType, 0);
    }

    @Override
    public void attemptStarted(CommandId commandId, String commandType, int attempt) {
        push(tracer.spanBuilder("attempt").setAttribute(ATTEMPT, (long) attempt).startSpan(), commandType, 0);
        attempts.add(1, typed(commandType), Context.root());
    }

    @Override
    public Map<String, String> eventMetadata(CommandId commandId, String commandType) {
        return TraceParent.of(Span.current().getSpanContext())
                .map(p -> Map.of(TraceParent.KEY, p))
                .orElse(Map.of());
    }

    @Override
    public void appendStarted(CommandId commandId, String commandType, int attempt, int streams, int events) {
        push(
                tracer.spanBuilder("append")
                        .setAttribute(APPEND_STREAMS, (long) streams)
                        .setAttribute(APPEND_EVENTS, (long) events)
                        .startSpan(),
                commandType,
                events);
    }

    @Override
    public void appendEnded(
            CommandId commandId, String commandType, int attempt, Duration took, Optional<RuntimeException> failure) {
        Deque<Open> stack = open.get();
        Open top = stack.peek();
        if (top != null) {
            failure.ifPresent(
                    f -> top.span().setStatus(StatusCode.ERROR, f.getClass().getSimpleName()));
        }
        Attributes type = typed(commandType);
        // while the append's span is current: an exemplar of the duration points to it
        appendDuration.record(took.toNanos() / 1e9, type);
        pop();
        if (failure.isEmpty() && top != null) {
            // the events were stored (not yet committed): counted once, here
            eventsAppended.add(top.events(), type, Context.root());
        }
        if (failure.orElse(null) instanceof StreamConflictException) {
            conflicts.add(1, type, Context.root());
        }
    }

    @Override
    public void attemptEnded(CommandId commandId, String commandType, int attempt, Optional<RuntimeException> failure) {
        Open top = open.get().peek();
        if (top != null) {
            top.span()
                    .setAttribute(
                            ATTEMPT_OUTCOME,
                            failure.map(EventCoreTelemetry::outcomeOf).orElse("committed"));
            failure.ifPresent(
                    f -> top.span().setStatus(StatusCode.ERROR, f.getClass().getSimpleName()));
        }
        pop();
    }

    @Override
    public void retrying(
            CommandId commandId, String commandType, int attempt, EventCoreException cause, Duration backoff) {
        Span.current().addEvent("retrying after " + cause.getClass().getSimpleName());
    }

    @Override
    public void succeeded(CommandResult<?> result) {
        Open command = open.get().peek();
        if (command == null) {
            return;
        }
        String outcome = result.replayed() ? "replayed" : "committed";
        command.span()
                .setAttribute(ATTEMPTS, (long) result.attempts())
                .setAttribute(OUTCOME, outcome)
                .setAttribute(STREAMS, (long) result.streamVersions().size())
                .setAttribute(EVENTS, (long) result.events().size());
        end(command, outcome);
    }

    @Override
    public void failed(CommandId commandId, String commandType, int attempts, RuntimeException cause) {
        Open command = open.get().peek();
        if (command == null) {
            return;
        }
        String outcome = outcomeOf(cause);
        command.span()
                .setAttribute(ATTEMPTS, (long) attempts)
                .setAttribute(OUTCOME, outcome)
                .setStatus(
                        cause instanceof CommandRejectedException ? StatusCode.UNSET : StatusCode.ERROR,
                        cause.getClass().getSimpleName());
        end(command, outcome);
    }

    private void end(Open command, String outcome) {
        double seconds = (System.nanoTime() - command.startedNanos()) / 1e9;
        Attributes attributes = typed(command.type(), outcome);
        commands.add(1, attributes, Context.root());
        // while the command's span is current: an exemplar of the duration points to the command's trace
        commandDuration.record(seconds, attributes);
        pop();
    }

    /** The outcome named in spans and metrics for a failure. */
    static String outcomeOf(RuntimeException failure) {
        if (failure instanceof CommandRejectedException) {
            return "rejected";
        }
        if (failure instanceof StreamConflictException) {
            return "conflict";
        }
        if (failure instanceof RetriesExhaustedException) {
            return "retries_exhausted";
        }
        return failure instanceof EventCoreException e && e.isRetriable() ? "transient_failure" : "failed";
    }
}
