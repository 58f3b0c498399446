package org.eventcore.jpa;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.eventcore.EventId;
import org.eventcore.GlobalPosition;
import org.eventcore.jpa.entity.CheckpointRecord;
import org.eventcore.jpa.messages.JpaMessages;
import org.eventcore.projection.spi.CheckpointStore;
import org.eventcore.projection.spi.LeaseLostException;
import org.eventcore.projection.spi.ProjectionControls;
import org.eventcore.projection.spi.ProjectionLeases;
import org.eventcore.projection.spi.SkippedEvent;
import org.eventcore.projection.spi.SkippedEventLog;

/**
 * Projection leases in {@code ec_checkpoints} (columns {@code fencing_epoch}, {@code lease_owner},
 * {@code lease_until}), beside the checkpoints of {@link JpaCheckpointStore}. Every change is one
 * conditional {@code UPDATE}: a grant increments the epoch only where the lease is free, expired or
 * already the caller's; a fenced save moves the checkpoint only {@code WHERE fencing_epoch = ?}, so a
 * stale holder's save updates no row and fails with {@link LeaseLostException}. The row lock such an
 * update takes orders a save and a concurrent grant: a grant waits for the saving transaction, and a
 * save after a grant finds the newer epoch.
 *
 * <p>All methods run through {@link EntityManagerAccess}, in the caller's transaction when there is
 * one (a fenced save must be: it commits with the read model), otherwise in a short transaction of
 * their own under {@link ResourceLocalJpa}. The first grant of a projection without a checkpoint
 * inserts its row with the start position.
 *
 * <pre>{@code
 * JpaProjectionLeases leases = JpaProjectionLeases.create(jpa, Clock.systemUTC());
 * ProjectionRunner runner = ProjectionRunner.builder(definition)
 *         .log(store)
 *         .checkpoints(JpaCheckpointStore.create(jpa))
 *         .leases(leases)
 *         .boundary(jpa)
 *         .executor(executor)
 *         .owner(nodeId)
 *         .build();
 * }</pre>
 *
 * <p>It keeps the events projections skipped under {@link org.eventcore.projection.ErrorPolicy#SKIP_AND_RECORD}
 * in {@code ec_skipped_events} (schema version 2): a runner records them in the transaction of the
 * fenced save that passes them. The first lease operation checks that the schema is at version 2 or
 * newer and refuses an older one with the script to run.
 *
 * <p>Times come from the injected {@link Clock} of each node, so node clocks must agree to well
 * within a lease's duration (fencing keeps progress safe even when they do not; only take-over
 * timing suffers). Thread-safe.
 */
public final class JpaProjectionLeases implements ProjectionLeases, SkippedEventLog {

    /** The schema version these leases need: {@code ec_skipped_events} came with version 2. */
    static final int SCHEMA_NEEDED = 2;

    /** The longest error text kept for a skipped event; longer ones are cut, with a mark. */
    static final int ERROR_KEPT = 4000;

    private final EntityManagerAccess access;
    private final Clock clock;
    private final SchemaVersion.Requirement schema =
            new SchemaVersion.Requirement(SCHEMA_NEEDED, "JpaProjectionLeases (projection leases and skipped events)");

    private JpaProjectionLeases(EntityManagerAccess access, Clock clock) {
        this.access = Objects.requireNonNull(access, "access");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.controls = new JpaProjectionControls(access);
    }

    /** Leases reached through {@code access}, timed by {@code clock}. */
    public static JpaProjectionLeases create(EntityManagerAccess access, Clock clock) {
        return new JpaProjectionLeases(access, clock);
    }

    @Override
    public Optional<Lease> acquire(String projection, String owner, Duration duration) {
        CheckpointStore.requireValidName(projection);
        ProjectionLeases.requireValidOwner(owner);
        ProjectionLeases.requirePositive(duration);
        Instant now = clock.instant();
        Instant until = now.plus(duration);
        return run("lease acquire", em -> {
            schema.check(em);
            int updated = em.createQuery("""
                            update CheckpointRecord c
                               set c.fencingEpoch = c.fencingEpoch + 1, c.leaseOwner = :owner,
                                   c.leaseUntil = :until, c.updatedAt = :now
                             where c.projectionName = :name
                               and (c.leaseOwner is null or c.leaseUntil is null
                                    or c.leaseUntil <= :now or c.leaseOwner = :owner)""")
                    .setParameter("owner", owner)
                    .setParameter("until", utc(until))
                    .setParameter("now", utc(now))
                    .setParameter("name", projection)
                    .executeUpdate();
            if (updated == 1) {
                return Optional.of(new Lease(projection, epoch(em, projection), owner, until, duration));
            }
            if (epochIfAny(em, projection).isPresent()) {
                return Optional.empty();
            }
            em.persist(new CheckpointRecord(projection, GlobalPosition.start().encode(), 1, utc(now))
                    .leasedTo(owner, utc(until)));
            em.flush();
            return Optional.of(new Lease(projection, 1, owner, until, duration));
        });
    }

    @Override
    public Optional<Lease> renew(Lease lease) {
        Instant now = clock.instant();
        Instant until = now.plus(lease.duration());
        return run("lease renew", em -> {
            int updated = em.createQuery("""
                            update CheckpointRecord c set c.leaseUntil = :until, c.updatedAt = :now
                             where c.projectionName = :name and c.fencingEpoch = :epoch
                               and c.leaseOwner = :owner""")
                    .setParameter("until", utc(until))
                    .setParameter("now", utc(now))
                    .setParameter("name", lease.projection())
                    .setParameter("epoch", lease.epoch())
                    .setParameter("owner", lease.owner())
                    .executeUpdate();
            return updated == 1
                    ? Optional.of(new Lease(lease.projection(), lease.epoch(), lease.owner(), until, lease.duration()))
                    : Optional.<Lease>empty();
        });
    }

    @Override
    public void release(Lease lease) {
        OffsetDateTime now = utc(clock.instant());
        run(
                "lease release",
                em -> em.createQuery("""
                        update CheckpointRecord c set c.leaseOwner = null, c.leaseUntil = null, c.updatedAt = :now
                         where c.projectionName = :name and c.fencingEpoch = :epoch""")
                        .setParameter("now", now)
                        .setParameter("name", lease.projection())
                        .setParameter("epoch", lease.epoch())
                        .executeUpdate());
    }

    @Override
    public void saveFenced(Lease lease, GlobalPosition position) {
        Objects.requireNonNull(position, "position");
        OffsetDateTime now = utc(clock.instant());
        long current = run("fenced checkpoint save", em -> {
            int updated = em.createQuery("""
                            update CheckpointRecord c set c.logPosition = :position, c.updatedAt = :now
                             where c.projectionName = :name and c.fencingEpoch = :epoch""")
                    .setParameter("position", position.encode())
                    .setParameter("now", now)
                    .setParameter("name", lease.projection())
                    .setParameter("epoch", lease.epoch())
                    .executeUpdate();
            return updated == 1
                    ? lease.epoch()
                    : epochIfAny(em, lease.projection()).orElse(0L);
        });
        if (current != lease.epoch()) {
            throw LeaseLostException.of(lease.projection(), lease.epoch(), current);
        }
    }

    /** These leases themselves: they keep the skipped events. */
    private final JpaProjectionControls controls;

    /**
     * The changes asked of projections on any node through the console, in {@code ec_projection_controls}
     * (schema version 7; on an older schema no change is found and asking one fails naming the script to run).
     */
    @Override
    public Optional<ProjectionControls> controls() {
        return Optional.of(controls);
    }

    /** The lease row of {@code projection}, when a node holds an unexpired lease. */
    @Override
    public Optional<Lease> current(String projection) {
        CheckpointStore.requireValidName(projection);
        Instant now = clock.instant();
        return run("lease read", em -> {
            List<Object[]> rows = em.createQuery(
                            "select c.fencingEpoch, c.leaseOwner, c.leaseUntil from CheckpointRecord c"
                                    + " where c.projectionName = :name",
                            Object[].class)
                    .setParameter("name", projection)
                    .getResultList();
            if (rows.isEmpty() || rows.get(0)[1] == null || rows.get(0)[2] == null) {
                return Optional.<Lease>empty();
            }
            Instant until = ((OffsetDateTime) rows.get(0)[2]).toInstant();
            long epoch = ((Number) rows.get(0)[0]).longValue();
            if (!until.isAfter(now) || epoch < 1) {
                return Optional.<Lease>empty();
            }
            return Optional.of(
                    new Lease(projection, epoch, (String) rows.get(0)[1], until, Duration.between(now, until)));
        });
    }

    @Override
    public Optional<SkippedEventLog> skippedEventLog() {
        return Optional.of(this);
    }

    @Override
    public void record(String projection, SkippedEvent event) {
        CheckpointStore.requireValidName(projection);
        Objects.requireNonNull(event, "event");
        String cut = " [... cut at " + ERROR_KEPT + "]";
        String error = event.error().length() <= ERROR_KEPT
                ? event.error()
                : event.error().substring(0, ERROR_KEPT - cut.length()) + cut;
        String type = event.payloadType().length() <= 500
                ? event.payloadType()
                : event.payloadType().substring(0, 500);
        run("skipped event record", em -> {
            schema.check(em);
            // a second record of the same event changes nothing
            return em.createNativeQuery("insert into ec_skipped_events (projection_name, log_epoch, log_offset,"
                            + " event_id, payload_type, error) select ?1, cast(?2 as bigint), cast(?3 as bigint), ?4,"
                            + " ?5, ?6 where not exists (select 1 from ec_skipped_events where projection_name = ?1"
                            + " and log_epoch = cast(?2 as bigint) and log_offset = cast(?3 as bigint))")
                    .setParameter(1, projection)
                    .setParameter(2, event.position().epoch())
                    .setParameter(3, event.position().offset())
                    .setParameter(4, event.eventId().toString())
                    .setParameter(5, type)
                    .setParameter(6, error)
                    .executeUpdate();
        });
    }

    @Override
    public List<SkippedEvent> recent(String projection, int limit) {
        if (SkippedEventLog.requireValidLimit(limit) == 0) {
            return List.of();
        }
        return run("skipped events read", em -> {
            schema.check(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select log_epoch, log_offset, event_id, payload_type, error"
                            + " from ec_skipped_events where projection_name = ?1"
                            + " order by log_epoch desc, log_offset desc")
                    .setParameter(1, projection)
                    .setMaxResults(limit)
                    .getResultList();
            return rows.stream()
                    .map(r -> new SkippedEvent(
                            EventId.parse((String) r[2]),
                            GlobalPosition.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue()),
                            (String) r[3],
                            text(r[4])))
                    .toList();
        });
    }

    @Override
    public long count(String projection) {
        return run("skipped events count", em -> {
            schema.check(em);
            return ((Number) em.createNativeQuery("select count(*) from ec_skipped_events where projection_name = ?1")
                            .setParameter(1, projection)
                            .getSingleResult())
                    .longValue();
        });
    }

    @Override
    public void forgetAfter(String projection, GlobalPosition position) {
        Objects.requireNonNull(position, "position");
        run("skipped events reset", em -> {
            schema.check(em);
            return em.createNativeQuery("delete from ec_skipped_events where projection_name = ?1"
                            + " and (log_epoch > cast(?2 as bigint)"
                            + " or (log_epoch = cast(?2 as bigint) and log_offset > cast(?3 as bigint)))")
                    .setParameter(1, projection)
                    .setParameter(2, position.epoch())
                    .setParameter(3, position.offset())
                    .executeUpdate();
        });
    }

    /** A text column's value: a String, or a CLOB as H2 may return it. */
    private static String text(Object value) {
        if (value instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) Math.min(Integer.MAX_VALUE, clob.length()));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(JpaMessages.skippedEventErrorUnreadable(), e);
            }
        }
        return String.valueOf(value);
    }

    private <T> T run(String operation, Function<EntityManager, T> work) {
        return StoreWork.run(access, operation, work);
    }

    private static long epoch(EntityManager em, String projection) {
        return epochIfAny(em, projection)
                .orElseThrow(() -> new IllegalStateException("the checkpoint row of " + projection + " vanished"));
    }

    private static Optional<Long> epochIfAny(EntityManager em, String projection) {
        List<Long> epochs = em.createQuery(
                        "select c.fencingEpoch from CheckpointRecord c where c.projectionName = :name", Long.class)
                .setParameter("name", projection)
                .getResultList();
        return epochs.stream().findFirst();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
