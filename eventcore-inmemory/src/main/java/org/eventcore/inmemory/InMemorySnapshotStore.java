package org.eventcore.inmemory;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eventcore.spi.Snapshot;
import org.eventcore.spi.SnapshotStore;

/**
 * Snapshots of cached command states in memory, for tests and for applications on the in-memory
 * store. Keeps, per key, the snapshot of the latest position in the log among those of the same
 * revisions and fingerprint; one of other revisions or another fingerprint replaces it. Thread-safe.
 */
public final class InMemorySnapshotStore implements SnapshotStore {

    private final ConcurrentHashMap<String, Snapshot> snapshots = new ConcurrentHashMap<>();

    private InMemorySnapshotStore() {}

    /** An empty snapshot store. */
    public static InMemorySnapshotStore create() {
        return new InMemorySnapshotStore();
    }

    @Override
    public Optional<Snapshot> load(String key) {
        return Optional.ofNullable(snapshots.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public void save(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        snapshots.merge(snapshot.key(), snapshot, (old, fresh) -> keepsOld(old, fresh) ? old : fresh);
    }

    /** How many snapshots are stored. */
    public int size() {
        return snapshots.size();
    }

    private static boolean keepsOld(Snapshot old, Snapshot fresh) {
        return old.foldRevision() == fresh.foldRevision()
                && old.stateRevision() == fresh.stateRevision()
                && old.fingerprint().equals(fresh.fingerprint())
                && old.lastPosition().compareTo(fresh.lastPosition()) > 0;
    }
}
