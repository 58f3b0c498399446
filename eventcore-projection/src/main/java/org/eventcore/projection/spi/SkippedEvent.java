package org.eventcore.projection.spi;

import java.util.Objects;
import org.eventcore.EventId;
import org.eventcore.GlobalPosition;

/**
 * An event a projection skipped under {@link ErrorPolicy#SKIP_AND_RECORD}. Immutable; no component
 * is {@code null}.
 *
 * @param eventId the skipped event's id
 * @param position its position in the global log
 * @param payloadType the class name of its payload
 * @param error the handler's failure, as {@code ExceptionClass: message}
 */
public record SkippedEvent(EventId eventId, GlobalPosition position, String payloadType, String error) {

    public SkippedEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(error, "error");
    }
}
