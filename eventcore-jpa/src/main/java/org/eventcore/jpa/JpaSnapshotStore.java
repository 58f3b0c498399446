package org.eventcore.jpa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.jpa.messages.JpaMessages;
import org.eventcore.spi.Snapshot;
import org.eventcore.spi.SnapshotStore;

/**
 * Snapshots of cached command states in {@code ec_snapshots} (schema version 5), through the same
 * entity manager access as the event store. The executor writes them after a command committed, in a
 * unit of work of its own, and reads one when its state cache has no entry for a command's streams.
 *
 * <pre>{@code
 * ExecutorSettings settings = ExecutorSettings.DEFAULT.withSnapshots(Snapshots.of(
 *         JpaSnapshotStore.create(jpa, JpaStoreSettings.DEFAULT), JsonbStateSerializer.create(), types.fingerprint()));
 * }</pre>
 *
 * <p>A row is keyed by the SHA-256 digest of the snapshot's key (the command type and its declared
 * streams, which may be longer than an index takes); the key itself is stored beside it and compared
 * on reading. On PostgreSQL a save is one statement that keeps the row of a later position of the log
 * (two nodes saving at once: the later state stays). On a schema older than version 5 the store refuses
 * with EC3031, naming {@code V5__eventcore_snapshots.sql}. Thread-safe.
 */
public final class JpaSnapshotStore implements SnapshotStore {

    private static final System.Logger LOG = System.getLogger(JpaSnapshotStore.class.getName());

    /** The schema version that holds {@code ec_snapshots}. */
    static final int SCHEMA_NEEDED = 5;

    private static final String COLUMNS = "snapshot_key, stream_versions, last_tx_id, last_position, fold_revision,"
            + " state_revision, fingerprint, events_folded, state";

    private final EntityManagerAccess access;
    private final JpaStoreSettings settings;
    private final SchemaVersion.Requirement schema =
            new SchemaVersion.Requirement(SCHEMA_NEEDED, "JpaSnapshotStore (the snapshots of cached command states)");

    private JpaSnapshotStore(EntityManagerAccess access, JpaStoreSettings settings) {
        this.access = Objects.requireNonNull(access, "access");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Snapshots reached through {@code access}, on the database of {@code settings}' dialect. */
    public static JpaSnapshotStore create(EntityManagerAccess access, JpaStoreSettings settings) {
        return new JpaSnapshotStore(access, settings);
    }

    private int timeout() {
        return (int) Math.min(Integer.MAX_VALUE, settings.statementTimeout().toMillis());
    }

    @Override
    public Optional<Snapshot> load(String key) {
        byte[] digest = digest(key);
        List<?> rows = StoreWork.run(access, "snapshot load", em -> {
            schema.check(em);
            return Dialects.timed(
                            em.createNativeQuery("select " + COLUMNS + " from ec_snapshots where key_digest = ?1"),
                            timeout())
                    .setParameter(1, digest)
                    .getResultList();
        });
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        String stored = text(row[0]);
        if (!key.equals(stored)) {
            // another key with the same digest: as good as none
            return Optional.empty();
        }
        try {
            return Optional.of(snapshot(stored, row));
        } catch (org.eventcore.StoreFailureException e) {
            // a row not as EventCore writes it: never trusted, the next snapshot replaces it
            LOG.log(System.Logger.Level.WARNING, e.getMessage(), e);
            return Optional.empty();
        }
    }

    private static Snapshot snapshot(String stored, Object[] row) {
        return new Snapshot(
                stored,
                versions(stored, text(row[1])),
                GlobalPosition.of(((Number) row[2]).longValue(), ((Number) row[3]).longValue()),
                ((Number) row[4]).intValue(),
                ((Number) row[5]).intValue(),
                (String) row[6],
                ((Number) row[7]).longValue(),
                bytes(row[8]));
    }

    @Override
    public void save(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        byte[] digest = digest(snapshot.key());
        StringBuilder versions = new StringBuilder();
        snapshot.versions()
                .forEach((id, v) -> versions.append(v.value())
                        .append('\t')
                        .append(id.value())
                        .append('\n'));
        StoreWork.run(access, "snapshot save", em -> {
            schema.check(em);
            if (settings.dialect() == JpaDialect.POSTGRESQL) {
                return bind(em.createNativeQuery(UPSERT), digest, snapshot, versions.toString())
                        .executeUpdate();
            }
            // H2, for development: the same rule in two statements
            int updated = bind(em.createNativeQuery(UPDATE), digest, snapshot, versions.toString())
                    .executeUpdate();
            if (updated == 0
                    && ((Number) em.createNativeQuery("select count(*) from ec_snapshots where key_digest = ?1")
                                            .setParameter(1, digest)
                                            .getSingleResult())
                                    .intValue()
                            == 0) {
                bind(em.createNativeQuery(INSERT), digest, snapshot, versions.toString())
                        .executeUpdate();
            }
            return null;
        });
    }

    private static final String INSERT = "insert into ec_snapshots (key_digest, " + COLUMNS + ", command_type)"
            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";

    /** Whether the stored row gives way: folded from no later in the log, or of other revisions or types. */
    private static final String GIVES_WAY = " (ec_snapshots.last_tx_id < ?4"
            + " or (ec_snapshots.last_tx_id = ?4 and ec_snapshots.last_position <= ?5)"
            + " or ec_snapshots.fold_revision <> ?6 or ec_snapshots.state_revision <> ?7"
            + " or ec_snapshots.fingerprint <> ?8)";

    private static final String UPSERT = INSERT
            + " on conflict (key_digest) do update set snapshot_key = excluded.snapshot_key,"
            + " stream_versions = excluded.stream_versions, last_tx_id = excluded.last_tx_id,"
            + " last_position = excluded.last_position, fold_revision = excluded.fold_revision,"
            + " state_revision = excluded.state_revision, fingerprint = excluded.fingerprint,"
            + " events_folded = excluded.events_folded, state = excluded.state,"
            + " command_type = excluded.command_type, written_at = now()"
            // a row of the same revisions and registry folded from later in the log stays
            + " where" + GIVES_WAY;

    private static final String UPDATE = "update ec_snapshots set snapshot_key = ?2, stream_versions = ?3,"
            + " last_tx_id = ?4, last_position = ?5, fold_revision = ?6, state_revision = ?7, fingerprint = ?8,"
            + " events_folded = ?9, state = ?10, command_type = ?11, written_at = current_timestamp"
            + " where key_digest = ?1 and" + GIVES_WAY;

    private jakarta.persistence.Query bind(
            jakarta.persistence.Query query, byte[] digest, Snapshot snapshot, String versions) {
        return Dialects.timed(query, timeout())
                .setParameter(1, digest)
                .setParameter(2, snapshot.key())
                .setParameter(3, versions)
                .setParameter(4, snapshot.lastPosition().epoch())
                .setParameter(5, snapshot.lastPosition().offset())
                .setParameter(6, snapshot.foldRevision())
                .setParameter(7, snapshot.stateRevision())
                .setParameter(8, snapshot.fingerprint())
                .setParameter(9, snapshot.eventsFolded())
                .setParameter(10, snapshot.state())
                .setParameter(11, truncated(snapshot.commandType()));
    }

    private static String truncated(String commandType) {
        return commandType.length() <= 500 ? commandType : commandType.substring(0, 500);
    }

    /** The stream versions stored as lines of "version TAB stream id". */
    private static Map<StreamId, StreamVersion> versions(String key, String text) {
        Map<StreamId, StreamVersion> versions = new LinkedHashMap<>();
        try {
            for (String line : text.split("\n")) {
                if (line.isEmpty()) {
                    continue;
                }
                int tab = line.indexOf('\t');
                versions.put(
                        StreamId.of(line.substring(tab + 1)), StreamVersion.of(Long.parseLong(line.substring(0, tab))));
            }
        } catch (RuntimeException e) {
            throw new org.eventcore.StoreFailureException(
                    JpaMessages.invalidSnapshotRow(key.replace('\n', ' '), e.getMessage()), e);
        }
        return versions;
    }

    /** A text column as the provider hands it over (H2's CLOB as a {@link java.sql.Clob}). */
    private static String text(Object cell) {
        if (cell instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (java.sql.SQLException e) {
                throw new org.eventcore.StoreFailureException(JpaMessages.invalidSnapshotRow("?", e.getMessage()), e);
            }
        }
        return (String) cell;
    }

    /** A binary column as the provider hands it over (H2's BLOB as a {@link java.sql.Blob}). */
    private static byte[] bytes(Object cell) {
        if (cell instanceof java.sql.Blob blob) {
            try {
                return blob.getBytes(1, (int) blob.length());
            } catch (java.sql.SQLException e) {
                throw new org.eventcore.StoreFailureException(JpaMessages.invalidSnapshotRow("?", e.getMessage()), e);
            }
        }
        return (byte[]) cell;
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
