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
}
