package org.eventcore.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Objects;
import org.eventcore.StoredEvent;
import org.eventcore.projection.ProjectionHandler;

/**
 * A projection's handler with a span per event it handles, linked to the span of the command attempt
 * that wrote the event (its stored {@code traceparent}), across nodes and restarts. The span is a root
 * of its own trace (the projection's work is not part of the command's request), named
 * {@code projection <name>}, of kind consumer, with {@code eventcore.projection}, {@code eventcore.event.stream},
 * {@code eventcore.event.version} and {@code eventcore.event.position}; a handler failure sets its status.
 * A runner polling an idle log handles no event and so makes no span.
 *
 * <pre>{@code
 * ProjectionDefinition balances = ProjectionDefinition.of("balances",
 *         TracedProjectionHandler.wrap("balances", handler, openTelemetry));
 * }</pre>
 */
public final class TracedProjectionHandler implements ProjectionHandler {

    static final AttributeKey<String> PROJECTION = AttributeKey.stringKey("eventcore.projection");
    static final AttributeKey<String> STREAM = AttributeKey.stringKey("eventcore.event.stream");
    static final AttributeKey<Long> VERSION = AttributeKey.longKey("eventcore.event.version");
    static final AttributeKey<String> POSITION = AttributeKey.stringKey("eventcore.event.position");

    private final String name;
    private final ProjectionHandler handler;
    private final Tracer tracer;

    private TracedProjectionHandler(String name, ProjectionHandler handler, Tracer tracer) {
        this.name = name;
        this.handler = handler;
        this.tracer = tracer;
    }

    /** {@code handler} of projection {@code name}, traced through {@code telemetry}. */
    public static ProjectionHandler wrap(String name, ProjectionHandler handler, OpenTelemetry telemetry) {
        return new TracedProjectionHandler(
                Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(handler, "handler"),
                telemetry.getTracer(EventCoreTelemetry.SCOPE));
    }

    @Override
    public void handle(StoredEvent<Object> event) {
        SpanBuilder builder = tracer.spanBuilder("projection " + name)
                .setSpanKind(SpanKind.CONSUMER)
                .setNoParent()
                .setAttribute(PROJECTION, name)
                .setAttribute(STREAM, event.streamId().value())
                .setAttribute(VERSION, event.version().value())
                .setAttribute(POSITION, event.position().encode());
        TraceParent.parse(event.metadata().custom().get(TraceParent.KEY)).ifPresent(builder::addLink);
        Span span = builder.startSpan();
        try (Scope scope = span.storeInContext(Context.current()).makeCurrent()) {
            handler.handle(event);
        } catch (RuntimeException | Error e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }
}
