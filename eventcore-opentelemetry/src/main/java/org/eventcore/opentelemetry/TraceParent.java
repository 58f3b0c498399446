package org.eventcore.opentelemetry;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} that EventCore stores in an event's metadata: version {@code 00}, a
 * trace id of 32 and a span id of 16 lowercase hex digits, neither all zeros, and the flags. Stored
 * values are read as hostile input: anything else is no trace context at all, never passed on.
 */
public final class TraceParent {

    /** The metadata key under which an event carries the trace context of the command that wrote it. */
    public static final String KEY = "traceparent";

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

    private TraceParent() {}

    /** The {@code traceparent} of {@code context}, or empty when it is not valid. */
    public static Optional<String> of(SpanContext context) {
        if (!context.isValid()) {
            return Optional.empty();
        }
        return Optional.of("00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex());
    }

    /**
     * The remote span context a stored {@code traceparent} names, or empty when the value is not a valid
     * version-00 {@code traceparent} (wrong length, upper case, all-zero ids, anything appended).
     */
    public static Optional<SpanContext> parse(String value) {
        if (value == null || value.length() != 55) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        SpanContext context = SpanContext.createFromRemoteParent(
                m.group(1), m.group(2), TraceFlags.fromHex(m.group(3), 0), TraceState.getDefault());
        return context.isValid() ? Optional.of(context) : Optional.empty();
    }
}
