package org.eventcore.cdi;

import org.eventcore.EventMetadata;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;

/**
 * The envelope of the event being observed, for inline observers that need more than the payload:
 *
 * <pre>{@code
 * void on(@Observes MoneyDeposited deposited, EventContext context) {
 *     balances.credit(context.streamId(), deposited.amount(), context.position());
 * }
 * }</pre>
 *
 * <p>Available while EventCore dispatches an event to in-transaction observers (the injected
 * object is a snapshot of the event being dispatched); injecting it anywhere else fails with
 * EC2003. Immutable.
 */
public interface EventContext {

    /** The stored event: payload, id, stream, version, position and metadata. */
    StoredEvent<?> event();

    default StreamId streamId() {
        return event().streamId();
    }

    default StreamVersion version() {
        return event().version();
    }

    default GlobalPosition position() {
        return event().position();
    }

    default EventMetadata metadata() {
        return event().metadata();
    }
}
