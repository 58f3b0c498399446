package org.eventcore.jpa;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.eventcore.GlobalPosition;
import org.eventcore.jpa.entity.CheckpointRecord;
import org.eventcore.jpa.messages.JpaMessages;
import org.eventcore.projection.spi.CheckpointStore;

/**
 * Checkpoints of durable projections in {@code ec_checkpoints}, through the same entity manager
 * access as the event store, so that a projection saves its checkpoint in the transaction that
 * updates its read model. Positions are kept as text ({@link GlobalPosition#encode()}).
 *
 * <pre>{@code
 * JpaCheckpointStore checkpoints = JpaCheckpointStore.create(jpa);
 * }</pre>
 *
 * <p>Two nodes saving the first checkpoint of the same projection at once: one fails with a
 * transient error (the row's key), and its retry updates the row. Thread-safe.
 */
public final class JpaCheckpointStore implements CheckpointStore {

    /** Checkpoints are never served from a shared second-level cache: another node may have moved them. */
    private static final java.util.Map<String, Object> BYPASS =
            java.util.Map.of("jakarta.persistence.cache.retrieveMode", jakarta.persistence.CacheRetrieveMode.BYPASS);

    private final EntityManagerAccess access;

    private JpaCheckpointStore(EntityManagerAccess access) {
        this.access = Objects.requireNonNull(access, "access");
    }

    /** Checkpoints reached through {@code access}. */
    public static JpaCheckpointStore create(EntityManagerAccess access) {
        return new JpaCheckpointStore(access);
    }

    @Override
    public Optional<GlobalPosition> load(String projection) {
        String name = CheckpointStore.requireValidName(projection);
        return StoreWork.run(access, "checkpoint load", em -> {
            CheckpointRecord r = em.find(CheckpointRecord.class, name, BYPASS);
            return r == null ? Optional.<GlobalPosition>empty() : Optional.of(decode(r));
        });
    }

    @Override
    public void save(String projection, GlobalPosition position) {
        String name = CheckpointStore.requireValidName(projection);
        Objects.requireNonNull(position, "position");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        StoreWork.run(access, "checkpoint save", em -> {
            CheckpointRecord r = em.find(CheckpointRecord.class, name, BYPASS);
            if (r == null) {
                em.persist(new CheckpointRecord(name, position.encode(), 0, now));
            } else {
                r.advance(position.encode(), now);
            }
            em.flush();
            return null;
        });
    }

    private static GlobalPosition decode(CheckpointRecord r) {
        try {
            return GlobalPosition.decode(r.logPosition());
        } catch (IllegalArgumentException e) {
            throw new org.eventcore.StoreFailureException(
                    JpaMessages.invalidCheckpointPosition(r.projectionName(), r.logPosition()), e);
        }
    }
}
