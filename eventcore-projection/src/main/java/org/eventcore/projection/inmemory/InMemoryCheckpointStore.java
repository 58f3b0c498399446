package org.eventcore.projection.inmemory;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eventcore.GlobalPosition;
import org.eventcore.projection.spi.CheckpointStore;

/**
 * Checkpoints in memory, for tests and demos beside {@link InMemoryEventStore}. Thread-safe.
 */
public final class InMemoryCheckpointStore implements CheckpointStore {

    private final ConcurrentHashMap<String, GlobalPosition> checkpoints = new ConcurrentHashMap<>();

    private InMemoryCheckpointStore() {}

    /** An empty checkpoint store. */
    public static InMemoryCheckpointStore create() {
        return new InMemoryCheckpointStore();
    }

    @Override
    public Optional<GlobalPosition> load(String projection) {
        return Optional.ofNullable(checkpoints.get(CheckpointStore.requireValidName(projection)));
    }

    @Override
    public void save(String projection, GlobalPosition position) {
        checkpoints.put(CheckpointStore.requireValidName(projection), Objects.requireNonNull(position, "position"));
    }
}
