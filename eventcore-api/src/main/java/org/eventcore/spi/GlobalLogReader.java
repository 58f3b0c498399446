package org.eventcore.spi;

import java.util.List;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;

/**
 * Reads the global log: all events of all streams in position order.
 *
 * <p>Contract (invariant I4): a reader that starts at any position and repeatedly reads after the
 * last position it received sees every committed event exactly once, in position order, also when
 * appends commit in another order than they began. An event is returned only when every event
 * with a smaller position that will ever become visible already is. Implementations are thread-safe.
 */
public interface GlobalLogReader {

    /**
     * Reads at most {@code limit} events with positions greater than {@code after}, in position
     * order. An empty list means "nothing more for now".
     *
     * @param after the last position the reader has seen, or {@link GlobalPosition#start()}
     * @param limit the batch size, at least 1
     */
    List<StoredEvent<Object>> readLog(GlobalPosition after, int limit);

    /** The position of the last event a reader can see now, or {@link GlobalPosition#start()}. */
    GlobalPosition head();

    /**
     * How far a reader at {@code after} is behind: the events after it that {@link #readLog} would
     * return now, counted up to {@code limit}, and the earliest time among them. Used for projection
     * lag (health checks, metrics), so a store should answer without reading the events' payloads; this
     * default reads them in batches of at most 1,000 through {@link #readLog}.
     *
     * @param after a position, as for {@link #readLog}
     * @param limit the most events counted, at least 1
     */
    default LogLag lag(GlobalPosition after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(org.eventcore.messages.ApiMessages.invalidLagLimit(limit));
        }
        long counted = 0;
        java.time.Instant earliest = null;
        GlobalPosition at = after;
        while (counted < limit) {
            List<StoredEvent<Object>> batch = readLog(at, (int) Math.min(1_000, limit - counted));
            if (batch.isEmpty()) {
                break;
            }
            for (StoredEvent<Object> e : batch) {
                java.time.Instant t = e.metadata().time();
                earliest = earliest == null || t.isBefore(earliest) ? t : earliest;
            }
            counted += batch.size();
            at = batch.get(batch.size() - 1).position();
        }
        return counted == 0 ? LogLag.none() : new LogLag(counted, counted >= limit, java.util.Optional.of(earliest));
    }
}
