package org.eventcore.execution;

import java.util.Objects;
import org.eventcore.serialization.StateSerializer;
import org.eventcore.spi.SnapshotStore;

/**
 * Snapshots for an executor: where they are stored, how states are serialized, and the fingerprint of
 * the application's event types and upcasters. A snapshot written under another fingerprint is not
 * used: events read through other classes or upcasters may fold to another state.
 *
 * <pre>{@code
 * ExecutorSettings settings = ExecutorSettings.DEFAULT.withSnapshots(
 *         Snapshots.of(JpaSnapshotStore.create(jpa, JpaStoreSettings.DEFAULT), JsonbStateSerializer.create(), types.fingerprint()));
 * }</pre>
 *
 * @param store where snapshots are kept
 * @param serializer how states are written and read
 * @param fingerprint the fingerprint of the event type registry and its upcasters
 *     ({@link org.eventcore.serialization.EventTypeRegistry#fingerprint()})
 */
public record Snapshots(SnapshotStore store, StateSerializer serializer, String fingerprint) {

    public Snapshots {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(serializer, "serializer");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /** Snapshots in {@code store}, serialized by {@code serializer}, under {@code fingerprint}. */
    public static Snapshots of(SnapshotStore store, StateSerializer serializer, String fingerprint) {
        return new Snapshots(store, serializer, fingerprint);
    }
}
