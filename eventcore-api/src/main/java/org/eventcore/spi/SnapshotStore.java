package org.eventcore.spi;

import java.util.Optional;

/**
 * Where snapshots of cached command states are kept: one per key, the newest written. The executor
 * loads one when its state cache has no entry, and saves one after a commit, in a unit of work of its
 * own, when the command type's {@link org.eventcore.CachedState#snapshotEvery()} is reached. A snapshot
 * is only an optimization: the executor checks what it reads and folds from the start when it cannot
 * use it, and a failed save is logged, never fails a command.
 *
 * <p>Implementations are thread-safe. Adapter authors: check yours with the test kit's
 * {@code SnapshotStoreContract}.
 */
public interface SnapshotStore {

    /**
     * The snapshot stored for {@code key}, if any.
     *
     * @throws org.eventcore.StoreUnavailableException if the store cannot be read now
     */
    Optional<Snapshot> load(String key);

    /**
     * Stores {@code snapshot} in place of the one of its key, unless that one was folded from a later
     * position of the log (then it keeps the later one).
     *
     * @throws org.eventcore.StoreUnavailableException if the store cannot be written now
     */
    void save(Snapshot snapshot);
}
