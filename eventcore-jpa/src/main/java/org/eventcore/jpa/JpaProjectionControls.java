package org.eventcore.jpa;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eventcore.GlobalPosition;
import org.eventcore.StoreFailureException;
import org.eventcore.projection.spi.CheckpointStore;
import org.eventcore.projection.spi.ProjectionControl;
import org.eventcore.projection.spi.ProjectionControl.Action;
import org.eventcore.projection.spi.ProjectionControl.Status;
import org.eventcore.projection.spi.ProjectionControls;

/**
 * The projection controls in {@code ec_projection_controls} (schema version 7), offered by
 * {@link JpaProjectionLeases#controls()}. On a database of an older version the runners find no pending change
 * and no pause (they keep running as before), and {@link #request} refuses with an error naming the script to run.
 */
final class JpaProjectionControls implements ProjectionControls {

    static final int SCHEMA_NEEDED = 7;

    private static final System.Logger LOG = System.getLogger(JpaProjectionControls.class.getName());

    /** How long a schema found too old is taken as such before it is read again. */
    private static final long RECHECK_NANOS = 60_000_000_000L;

    private final EntityManagerAccess access;

    private volatile boolean met;
    private volatile long tooOldUntil;

    JpaProjectionControls(EntityManagerAccess access) {
        this.access = Objects.requireNonNull(access, "access");
    }

    private <T> T run(String operation, Function<EntityManager, T> work) {
        return StoreWork.run(access, operation, work);
    }

    /** Whether the schema has the table; read again at most once a minute while it has not. */
    private boolean available(EntityManager em) {
        if (met) {
            return true;
        }
        if (System.nanoTime() - tooOldUntil < 0) {
            return false;
        }
        if (SchemaVersion.read(em) >= SCHEMA_NEEDED) {
            met = true;
            return true;
        }
        tooOldUntil = System.nanoTime() + RECHECK_NANOS;
        return false;
    }

    @Override
    public long request(String projection, Action action, Optional<GlobalPosition> from, String requestedBy) {
        CheckpointStore.requireValidName(projection);
        ProjectionControls.requireValid(action, from, requestedBy);
        return run("projection control request", em -> {
            int found = SchemaVersion.read(em);
            if (found < SCHEMA_NEEDED) {
                throw new StoreFailureException(SchemaVersion.tooOld(
                        found, SCHEMA_NEEDED, "the projection controls (pause, resume, rebuild from the console)"));
            }
            // changes are asked by people, seldom: the next number; two asked at once conflict on the key and the
            // second fails with the store's error, to be asked again
            long id = ((Number)
                            em.createNativeQuery("select coalesce(max(control_id), 0) + 1 from ec_projection_controls")
                                    .getSingleResult())
                    .longValue();
            em.createNativeQuery("insert into ec_projection_controls (control_id, projection_name, action,"
                            + " from_position, requested_by, requested_at, status) values (?1, ?2, ?3, ?4, ?5,"
                            + " current_timestamp, 'PENDING')")
                    .setParameter(1, id)
                    .setParameter(2, projection)
                    .setParameter(3, action.name())
                    .setParameter(4, from.map(GlobalPosition::encode).orElse(null))
                    .setParameter(5, requestedBy)
                    .executeUpdate();
            return id;
        });
    }

    @Override
    public List<ProjectionControl> pending(String projection) {
        CheckpointStore.requireValidName(projection);
        return run("projection controls read", em -> {
            if (!available(em)) {
                return List.of();
            }
            return rows(em.createNativeQuery(
                            SELECT + " where projection_name = ?1 and status = 'PENDING'" + " order by control_id")
                    .setParameter(1, projection)
                    .setMaxResults(MAX_PENDING));
        });
    }

    @Override
    public boolean settle(long id, Status status, String outcome, String node, long epoch) {
        if (status == Status.PENDING) {
            throw new IllegalArgumentException("a change is settled as DONE or REFUSED");
        }
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(node, "node");
        return run(
                "projection control settle",
                em -> em.createNativeQuery("update ec_projection_controls"
                                        + " set status = ?1, outcome = ?2, settled_by = ?3, settled_at = current_timestamp,"
                                        + " fencing_epoch = ?4 where control_id = ?5 and status = 'PENDING'"
                                        // only under the lease that holds now: a node that lost it settles nothing
                                        + " and exists (select 1 from ec_checkpoints c"
                                        + " where c.projection_name = ec_projection_controls.projection_name"
                                        + " and c.fencing_epoch = ?6)")
                                .setParameter(1, status.name())
                                .setParameter(2, outcome)
                                .setParameter(3, node)
                                .setParameter(4, epoch)
                                .setParameter(5, id)
                                .setParameter(6, epoch)
                                .executeUpdate()
                        == 1);
    }

    @Override
    public boolean paused(String projection) {
        CheckpointStore.requireValidName(projection);
        return run("projection controls read", em -> {
            if (!available(em)) {
                return false;
            }
            List<?> last = em.createNativeQuery("select action from ec_projection_controls where projection_name = ?1"
                            + " and status = 'DONE' and action <> 'REBUILD' order by control_id desc")
                    .setParameter(1, projection)
                    .setMaxResults(1)
                    .getResultList();
            return !last.isEmpty() && Action.PAUSE.name().equals(last.get(0));
        });
    }

    @Override
    public List<ProjectionControl> history(String projection, int limit) {
        CheckpointStore.requireValidName(projection);
        if (limit < 1) {
            return List.of();
        }
        return run("projection controls read", em -> {
            if (!available(em)) {
                return List.of();
            }
            return rows(em.createNativeQuery(SELECT + " where projection_name = ?1 order by control_id desc")
                    .setParameter(1, projection)
                    .setMaxResults(limit));
        });
    }

    private static final String SELECT = "select control_id, projection_name, action, from_position, requested_by,"
            + " cast(extract(epoch from requested_at) * 1000000 as bigint), status, outcome, settled_by,"
            + " cast(extract(epoch from settled_at) * 1000000 as bigint), fencing_epoch from ec_projection_controls";

    @SuppressWarnings("unchecked")
    private static List<ProjectionControl> rows(jakarta.persistence.Query query) {
        List<ProjectionControl> controls = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            Optional<GlobalPosition> from = from((String) r[3]);
            if (from == null) {
                // written around the store: skipped, so that it neither stops the projection nor runs
                LOG.log(
                        System.Logger.Level.WARNING,
                        "EventCore: projection change " + r[0] + " of " + r[1]
                                + " holds a position that cannot be read (" + r[3] + "); it is skipped");
                continue;
            }
            controls.add(new ProjectionControl(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    Action.valueOf((String) r[2]),
                    from,
                    (String) r[4],
                    instant(r[5]),
                    Status.valueOf((String) r[6]),
                    Optional.ofNullable(Dialects.text(r[7])),
                    Optional.ofNullable((String) r[8]),
                    Optional.ofNullable(r[9]).map(JpaProjectionControls::instant),
                    Optional.ofNullable(r[10]).map(n -> ((Number) n).longValue())));
        }
        return controls;
    }

    /** A stored position, or null when it cannot be read (a row written around the store). */
    private static Optional<GlobalPosition> from(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(GlobalPosition.decode(stored));
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static Instant instant(Object micros) {
        return org.eventcore.jpa.internal.EventRow.instantOfMicros(((Number) micros).longValue());
    }
}
