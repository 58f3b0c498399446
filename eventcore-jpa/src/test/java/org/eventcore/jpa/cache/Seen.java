package org.eventcore.jpa.cache;

import java.util.HashMap;
import java.util.Map;
import org.eventcore.StoredEvent;

/**
 * The state both proof commands fold: the balance of every stream, how many events were folded, and a
 * digest of which events in which order (a fold in another order, of other versions or of stale
 * events gives another digest).
 *
 * @param balances cents per stream id
 * @param digest the order-sensitive digest of the events folded, as "stream:version"
 * @param count how many events were folded
 */
public record Seen(Map<String, Long> balances, long digest, long count) {

    public static final Seen NONE = new Seen(Map.of(), 17, 0);

    /** The fold of both commands: the same events, the same state. */
    public static Seen fold(Seen state, StoredEvent<ProofEvent> event) {
        Map<String, Long> balances = new HashMap<>(state.balances());
        balances.merge(event.streamId().value(), event.payload().delta(), Long::sum);
        long digest = state.digest() * 1_000_003L + (event.streamId().value() + ":" + event.version()).hashCode();
        return new Seen(Map.copyOf(balances), digest, state.count() + 1);
    }

    public long balance(String stream) {
        return balances.getOrDefault(stream, 0L);
    }
}
