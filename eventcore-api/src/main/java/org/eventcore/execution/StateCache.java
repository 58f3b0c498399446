package org.eventcore.execution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;

/**
 * The executor's cache of folded states: bounded in entries, least recently used first out, in
 * stripes of their own lock so that threads working on different keys rarely wait for each other.
 * Holds only what committed commands read ({@link CommandAttempt} puts an entry in an after-commit
 * hook). Thread-safe.
 */
final class StateCache {

    /**
     * What a cached state stands for: the command type, its fold revision and its declared streams.
     *
     * @param type the command type
     * @param foldRevision its {@link org.eventcore.CachedState#foldRevision()}
     * @param declared its declared streams, in declaration order
     */
    record Key(Class<?> type, int foldRevision, List<StreamId> declared) {}

    /**
     * A folded state.
     *
     * @param state the state, immutable
     * @param versions every stream it was folded from (declared, then discovered) at its version
     * @param last the position of the last event folded ({@link GlobalPosition#start()} if none)
     * @param eventsFolded how many events it was folded from
     * @param sinceSnapshot how many of them were folded since the last snapshot was stored or loaded
     */
    record Entry(
            Object state,
            Map<StreamId, StreamVersion> versions,
            GlobalPosition last,
            long eventsFolded,
            long sinceSnapshot) {}

    private static final int STRIPES = 16;

    private final int capacity;
    private final Stripe[] stripes;
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder refolds = new LongAdder();
    final LongAdder snapshotsLoaded = new LongAdder();
    final LongAdder snapshotsWritten = new LongAdder();
    final LongAdder snapshotsIgnored = new LongAdder();
    private final LongAdder evictions = new LongAdder();

    /** A cache of at most {@code capacity} entries, at least 1. */
    StateCache(int capacity) {
        this.capacity = capacity;
        int n = Math.min(STRIPES, capacity);
        this.stripes = new Stripe[n];
        for (int i = 0; i < n; i++) {
            // the stripes share the capacity; the first ones take what does not divide evenly
            stripes[i] = new Stripe(capacity / n + (i < capacity % n ? 1 : 0));
        }
    }

    private final class Stripe extends LinkedHashMap<Key, Entry> {
        private final int max;

        Stripe(int max) {
            super(16, 0.75f, true);
            this.max = max;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            if (size() > max) {
                evictions.increment();
                return true;
            }
            return false;
        }
    }

    private Stripe stripe(Key key) {
        int h = key.hashCode();
        return stripes[Math.floorMod(h ^ (h >>> 16), stripes.length)];
    }

    /** The entry of {@code key}, or null; does not count (the caller knows whether it was used). */
    Entry get(Key key) {
        Stripe s = stripe(key);
        synchronized (s) {
            return s.get(key);
        }
    }

    /**
     * Stores {@code entry} for {@code key}, unless the entry there was folded from a later point of the
     * log (two commands of one key committing close together: the later read stays).
     */
    void put(Key key, Entry entry) {
        Stripe s = stripe(key);
        synchronized (s) {
            Entry old = s.get(key);
            if (old == null || !newer(old, entry)) {
                s.put(key, entry);
            }
        }
    }

    /** Whether {@code a} was folded from later versions than {@code b}: every stream at least as far, one further. */
    private static boolean newer(Entry a, Entry b) {
        if (!a.versions().keySet().equals(b.versions().keySet())) {
            return false;
        }
        boolean further = false;
        for (Map.Entry<StreamId, StreamVersion> e : a.versions().entrySet()) {
            int c = e.getValue().compareTo(b.versions().get(e.getKey()));
            if (c < 0) {
                return false;
            }
            further |= c > 0;
        }
        return further;
    }

    /** Drops the entry of {@code key}. */
    void remove(Key key) {
        Stripe s = stripe(key);
        synchronized (s) {
            s.remove(key);
        }
    }

    private final java.util.Set<Class<?>> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Logs, once per command type, that its state held a modifiable collection and was not cached. */
    void warnOnce(Class<?> commandType, String part) {
        if (warned.add(commandType)) {
            System.getLogger(StateCache.class.getName())
                    .log(
                            System.Logger.Level.WARNING,
                            org.eventcore.messages.ApiMessages.mutableStateValue(commandType.getName(), part));
        }
    }

    /** Drops every entry. */
    void clear() {
        for (Stripe s : stripes) {
            synchronized (s) {
                s.clear();
            }
        }
    }

    StateCacheStatistics statistics() {
        long entries = 0;
        for (Stripe s : stripes) {
            synchronized (s) {
                entries += s.size();
            }
        }
        return new StateCacheStatistics(
                hits.sum(),
                misses.sum(),
                refolds.sum(),
                snapshotsLoaded.sum(),
                snapshotsWritten.sum(),
                snapshotsIgnored.sum(),
                evictions.sum(),
                entries,
                capacity);
    }
}
