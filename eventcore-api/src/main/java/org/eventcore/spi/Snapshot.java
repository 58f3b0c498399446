package org.eventcore.spi;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;

/**
 * A stored state of a {@linkplain org.eventcore.CachedState cached command type}: the state in its
 * serialized form, the streams and versions it was folded from, and what must match the running
 * application for it to be used.
 *
 * @param key the cache key: the command type's name and its declared streams ({@link #keyOf})
 * @param versions every stream the state was folded from (declared and discovered), with its version
 * @param lastPosition the position of the last event folded into the state ({@link GlobalPosition#start()}
 *     if none)
 * @param foldRevision the command type's {@link org.eventcore.CachedState#foldRevision()} when written
 * @param stateRevision the command type's {@link org.eventcore.CachedState#stateRevision()} when written
 * @param fingerprint the fingerprint of the event type registry and its upcasters when written
 * @param eventsFolded how many events the state was folded from
 * @param state the serialized state
 */
public record Snapshot(
        String key,
        Map<StreamId, StreamVersion> versions,
        GlobalPosition lastPosition,
        int foldRevision,
        int stateRevision,
        String fingerprint,
        long eventsFolded,
        byte[] state) {

    public Snapshot {
        Objects.requireNonNull(key, "key");
        versions = Map.copyOf(versions);
        Objects.requireNonNull(lastPosition, "lastPosition");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(state, "state");
    }

    /**
     * The key of a command type's state over its declared streams: the type's binary name and the
     * stream ids, one per line (a stream id holds no control character).
     */
    public static String keyOf(Class<?> commandType, List<StreamId> declared) {
        StringBuilder key = new StringBuilder(commandType.getName());
        for (StreamId s : declared) {
            key.append('\n').append(s.value());
        }
        return key.toString();
    }

    /** The command type's name, the first line of the key. */
    public String commandType() {
        int end = key.indexOf('\n');
        return end < 0 ? key : key.substring(0, end);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Snapshot s
                && key.equals(s.key)
                && versions.equals(s.versions)
                && lastPosition.equals(s.lastPosition)
                && foldRevision == s.foldRevision
                && stateRevision == s.stateRevision
                && fingerprint.equals(s.fingerprint)
                && eventsFolded == s.eventsFolded
                && Arrays.equals(state, s.state);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, versions, lastPosition, foldRevision, stateRevision, fingerprint, eventsFolded) * 31
                + Arrays.hashCode(state);
    }

    @Override
    public String toString() {
        return "Snapshot[" + key.replace('\n', ' ') + " at " + versions + ", " + state.length + " bytes]";
    }
}
