package org.eventcore.spi;

import java.util.AbstractList;
import java.util.RandomAccess;
import org.eventcore.StoredEvent;

/**
 * A list of stored events that never changes, which a store may hand to {@link StreamRead}: the read
 * then shares it instead of copying it (a copy costs as much as the stream is long, on every read).
 *
 * <p>Contract for subclasses: the list refuses every change (the defaults of {@link AbstractList}
 * do), and the events it shows, and their number, never change once it has been handed out, even
 * while the store appends to the stream it came from. A store that cannot promise this passes any
 * other list, which {@code StreamRead} copies.
 *
 * <pre>{@code
 * final class Snapshot extends ImmutableEventList {
 *     private final StoredEvent<Object>[] events; // never written again
 *     public StoredEvent<Object> get(int i) { return events[i]; }
 *     public int size() { return events.length; }
 * }
 * }</pre>
 *
 * <p>Subclasses must be thread-safe for reading, as immutable lists are.
 */
public abstract class ImmutableEventList extends AbstractList<StoredEvent<Object>> implements RandomAccess {

    /** For subclasses, which keep the contract above. */
    protected ImmutableEventList() {}
}
