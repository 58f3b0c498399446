package org.eventcore.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.eventcore.CommandId;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflict;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.jpa.entity.CommandRecord;
import org.eventcore.jpa.entity.EventRecord;
import org.eventcore.jpa.entity.StreamRecord;
import org.eventcore.jpa.internal.EventRow;
import org.eventcore.jpa.internal.Records;
import org.eventcore.jpa.messages.JpaMessages;
import org.eventcore.serialization.EventSerializer;
import org.eventcore.serialization.SerializedEvent;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.DuplicateCommandException;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.GlobalLogReader;
import org.eventcore.spi.LogBrowser;
import org.eventcore.spi.LogLag;
import org.eventcore.spi.LogPage;
import org.eventcore.spi.LogQuery;
import org.eventcore.spi.LoggedEvent;
import org.eventcore.spi.PendingEvent;
import org.eventcore.spi.StreamRead;

/**
 * The event store on Jakarta Persistence: events are {@link EventRecord} entities in the schema
 * shipped with this module (PostgreSQL first, H2 for development), written and read through the
 * application's persistence unit with any JPA 3.1 provider.
 *
 * <p>An append locks its streams (on PostgreSQL an advisory lock per stream, in one ordered
 * statement), checks the version of every stream the command read, refuses a command id stored
 * before, and only then writes: events with positions it assigned itself, the new stream versions
 * and the command id, in the caller's transaction. The global log is read only below the oldest
 * running transaction, so a reader never skips an event that commits late.
 *
 * <pre>{@code
 * ResourceLocalJpa jpa = ResourceLocalJpa.create(emf);
 * JpaEventStore store = JpaEventStore.create(jpa, JsonbEventSerializer.create(types), JpaStoreSettings.DEFAULT);
 * }</pre>
 *
 * <p>Failures are classified by SQL state into transient ({@link org.eventcore.StoreUnavailableException},
 * retried by the executor) and permanent ({@link org.eventcore.StoreFailureException}). Thread-safe.
 */
public final class JpaEventStore implements EventStore, GlobalLogReader, LogBrowser, org.eventcore.spi.TagReader {

    private static final String RETRIEVE_MODE = "jakarta.persistence.cache.retrieveMode";

    private final EntityManagerAccess access;
    private final EventSerializer serializer;
    private final JpaStoreSettings settings;
    private final int timeoutMillis;

    /** Whether PostgreSQL's statement_timeout bounds this store's statements; null until checked. */
    private volatile Boolean serverBoundsStatements;

    /** PostgreSQL's append needs {@code ec_append} (schema version 3), planned once per session (version 4). */
    private final SchemaVersion.Requirement appendFunction = new SchemaVersion.Requirement(
            OneStatementAppend.SCHEMA_NEEDED, "JpaEventStore (the append in one statement, ec_append)");

    /** Tags and tag queries need {@code ec_event_tags} and {@code ec_append_tagged} (schema version 8). */
    private final SchemaVersion.Requirement tagSchema = new SchemaVersion.Requirement(
            JpaTags.SCHEMA_NEEDED, "JpaEventStore (tags and tag queries, ec_append_tagged)");

    private JpaEventStore(EntityManagerAccess access, EventSerializer serializer, JpaStoreSettings settings) {
        this.access = Objects.requireNonNull(access, "access");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.timeoutMillis =
                (int) Math.min(Integer.MAX_VALUE, settings.statementTimeout().toMillis());
    }

    /** A store that reaches its entity manager through {@code access}. */
    public static JpaEventStore create(
            EntityManagerAccess access, EventSerializer serializer, JpaStoreSettings settings) {
        return new JpaEventStore(access, serializer, settings);
    }

    /** This store's settings. */
    public JpaStoreSettings settings() {
        return settings;
    }

    /**
     * The JDBC query timeout for this store's statements on {@code em}: the settings' timeout, or 0
     * (none) when PostgreSQL bounds every statement of the connection itself, with a
     * {@code statement_timeout} no longer than the settings' (checked once per store, on its first
     * statement). The server's bound costs nothing per statement; the driver enforces a JDBC query
     * timeout with a timer task per statement, a cost that showed in the benchmark (JVM CPU per W1
     * command at 16 clients 0.26 ms with it, 0.17 without).
     */
    private int timeout(EntityManager em) {
        Boolean server = serverBoundsStatements;
        if (server == null) {
            server = settings.dialect() == JpaDialect.POSTGRESQL && serverBounds(em);
            serverBoundsStatements = server;
        }
        return server ? Dialects.SERVER_BOUNDS : timeoutMillis;
    }

    private boolean serverBounds(EntityManager em) {
        Number serverMillis = (Number) Dialects.timed(
                        em.createNativeQuery(
                                "select cast(setting as bigint) from pg_settings where name = 'statement_timeout'"),
                        timeoutMillis)
                .getSingleResult();
        long millis = serverMillis.longValue();
        return millis > 0 && millis <= timeoutMillis;
    }

    private <T> T run(String operation, Function<EntityManager, T> work) {
        return StoreWork.run(access, operation, work);
    }

    /**
     * A read of event rows ({@code EventRecord e}, then {@code whereAndOrder}) into {@link EventRow}s
     * made by a constructor expression: no entity enters the persistence context.
     */
    private TypedQuery<EventRow> rows(EntityManager em, String whereAndOrder) {
        return Dialects.timed(
                em.createQuery(EventRow.SELECT + " from EventRecord e" + whereAndOrder, EventRow.class), timeout(em));
    }

    @Override
    public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
        return read(streams, settings.lockOnRead());
    }

    /**
     * Locks the streams (on PostgreSQL, the same transaction-scoped locks an append takes) and reads
     * them: the executor's attempts after a conflict wait for a hot stream instead of racing for it
     * again. Call it inside a transaction (the attempt's); the locks last until it ends.
     */
    @Override
    public Map<StreamId, StreamRead> readLocked(Set<StreamId> streams) {
        return read(streams, true);
    }

    /**
     * Reads only the events after the given versions. On PostgreSQL in one statement, as {@link #read}:
     * an index range per stream from the version after the given one, so a command whose state is
     * cached reads what is new and nothing else.
     */
    @Override
    public Map<StreamId, StreamRead> readAfter(Map<StreamId, StreamVersion> after) {
        return readAfter(after, settings.lockOnRead());
    }

    /** {@link #readAfter} with the streams locked first, as {@link #readLocked} does. */
    @Override
    public Map<StreamId, StreamRead> readLockedAfter(Map<StreamId, StreamVersion> after) {
        return readAfter(after, true);
    }

    private Map<StreamId, StreamRead> readAfter(Map<StreamId, StreamVersion> after, boolean lockStreams) {
        if (settings.dialect() != JpaDialect.POSTGRESQL) {
            // H2, for development: the whole streams, cut
            return StreamRead.after(read(after.keySet(), lockStreams), after);
        }
        List<String> versions = new ArrayList<>(after.size());
        for (StreamVersion v : after.values()) {
            versions.add(Long.toString(v.value()));
        }
        return read(after.keySet(), lockStreams, after, OneStatementAppend.array(versions, false));
    }

    private Map<StreamId, StreamRead> read(Set<StreamId> streams, boolean lockStreams) {
        return read(streams, lockStreams, Map.of(), null);
    }

    /**
     * Reads {@code streams}; with {@code afterArray} (PostgreSQL only, the versions of {@code after} as
     * an array literal) only their events after the versions in {@code after}.
     */
    private Map<StreamId, StreamRead> read(
            Set<StreamId> streams, boolean lockStreams, Map<StreamId, StreamVersion> after, String afterArray) {
        if (streams.isEmpty()) {
            return Map.of();
        }
        List<String> ids = streams.stream().map(StreamId::value).toList();
        boolean lock = lockStreams && settings.dialect() == JpaDialect.POSTGRESQL;
        List<EventRow> rows = run("read", em -> {
            if (lock) {
                Dialects.lockStreams(em, settings.dialect(), new ArrayList<>(new TreeSet<>(ids)), timeout(em));
            }
            if (settings.dialect() == JpaDialect.POSTGRESQL) {
                // one statement text for any number of streams: a JPQL "in" list would be translated
                // again on every read (Hibernate caches no plan for a list parameter)
                jakarta.persistence.Query query = afterArray == null
                        ? em.createNativeQuery(EventRow.STREAMS_SQL)
                        : em.createNativeQuery(EventRow.STREAMS_AFTER_SQL).setParameter(2, afterArray);
                List<?> cells = Dialects.timed(query, timeout(em))
                        .setParameter(1, OneStatementAppend.array(ids, true))
                        .getResultList();
                List<EventRow> read = new ArrayList<>(cells.size());
                for (Object c : cells) {
                    read.add(EventRow.of((Object[]) c));
                }
                return read;
            }
            return rows(em, " where e.streamId in :ids order by e.streamId, e.streamVersion")
                    .setParameter("ids", ids)
                    .getResultList();
        });
        Map<StreamId, List<StoredEvent<Object>>> byStream = new HashMap<>();
        for (EventRow r : rows) {
            StoredEvent<Object> e = Records.toStored(r, serializer);
            byStream.computeIfAbsent(e.streamId(), k -> new ArrayList<>()).add(e);
        }
        Map<StreamId, StreamRead> result = new LinkedHashMap<>();
        for (StreamId id : streams) {
            List<StoredEvent<Object>> events = byStream.getOrDefault(id, List.of());
            StreamVersion version = events.isEmpty()
                    ? after.getOrDefault(id, StreamVersion.NONE)
                    : events.get(events.size() - 1).version();
            result.put(id, new StreamRead(id, version, events));
        }
        return result;
    }

    /**
     * The events that match any of {@code queries}, in log order, and the read's position: on PostgreSQL one
     * statement that returns its own snapshot with the events (a condition then fails on exactly the matching
     * events this read did not see); on H2 the highest position, then the events at or below it.
     */
    @Override
    public org.eventcore.spi.TagRead readTagged(List<org.eventcore.TagQuery> queries) {
        List<JpaTags.Item> items = JpaTags.items(queries, serializer);
        List<EventRow> rows = new ArrayList<>();
        String position = run("tag read", em -> {
            if (settings.dialect() == JpaDialect.POSTGRESQL) {
                tagSchema.check(em);
                return JpaTags.readOnPostgres(em, items, timeout(em), rows);
            }
            List<Long> positions = new ArrayList<>();
            String head = JpaTags.readOnH2(em, items, timeoutMillis, positions);
            if (!positions.isEmpty()) {
                rows.addAll(rows(em, " where e.globalPosition in :ps order by e.txId, e.globalPosition")
                        .setParameter("ps", positions)
                        .getResultList());
            }
            return head;
        });
        List<StoredEvent<Object>> events = new ArrayList<>(rows.size());
        for (EventRow r : rows) {
            events.add(Records.toStored(r, serializer));
        }
        return new org.eventcore.spi.TagRead(events, position);
    }

    @Override
    public AppendResult append(AppendRequest request) {
        List<PendingEvent> pending = request.events();
        List<SerializedEvent> payloads = new ArrayList<>(pending.size());
        for (PendingEvent e : pending) {
            payloads.add(Records.serialize(serializer, e));
        }
        // A unique violation of the command id at flush leaves the transaction aborted: it surfaces as a
        // transient failure (EC3302), and the executor's next attempt, in a fresh transaction, finds the
        // command in the log and replays it. A duplicate seen before writing is reported right away.
        return run("append", em -> appendIn(em, request, payloads));
    }

    private AppendResult appendIn(EntityManager em, AppendRequest request, List<SerializedEvent> payloads) {
        List<PendingEvent> pending = request.events();
        Map<StreamId, Long> versions = new LinkedHashMap<>();
        long[] eventVersions = new long[pending.size()];
        for (int i = 0; i < pending.size(); i++) {
            PendingEvent e = pending.get(i);
            eventVersions[i] = versions.merge(
                    e.streamId(), request.expectedVersions().get(e.streamId()).value() + 1, (a, b) -> a + 1);
        }
        RowAt rowAt = (i, txId, position) ->
                Records.toRecord(pending.get(i), payloads.get(i), txId, position, eventVersions[i]);
        OffsetDateTime now = Records.storedTime(pending.get(0).metadata().time());
        List<long[]> places = settings.dialect() == JpaDialect.POSTGRESQL
                ? appendOnPostgres(em, request, rowAt, now)
                : appendPortably(em, request, rowAt, versions, now);
        List<StoredEvent<Object>> stored = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            PendingEvent e = pending.get(i);
            stored.add(new StoredEvent<>(
                    e.id(),
                    e.streamId(),
                    StreamVersion.of(eventVersions[i]),
                    GlobalPosition.of(places.get(i)[0], places.get(i)[1]),
                    e.payload(),
                    e.metadata()));
        }
        return AppendResult.of(stored);
    }

    /** The row of the append's event {@code i}, at a place in the global log. */
    @FunctionalInterface
    private interface RowAt {
        EventRecord row(int i, long txId, long position);
    }

    /** PostgreSQL: the whole append in one statement, the schema's {@code ec_append} (versions 3 and 4). */
    private List<long[]> appendOnPostgres(EntityManager em, AppendRequest request, RowAt rowAt, OffsetDateTime now) {
        appendFunction.check(em);
        OneStatementAppend.Tagged tagged = null;
        if (request.usesTags()) {
            tagSchema.check(em);
            tagged = tagged(request);
        }
        // the rows carry the values only: ec_append gives them their places
        List<EventRecord> rows = new ArrayList<>(request.events().size());
        for (int i = 0; i < request.events().size(); i++) {
            rows.add(rowAt.row(i, 0, 0));
        }
        return OneStatementAppend.append(
                em, request.commandId(), now.toString(), request.expectedVersions(), rows, tagged, timeout(em));
    }

    /** The tags and conditions of {@code request} as ec_append_tagged takes them. */
    private OneStatementAppend.Tagged tagged(AppendRequest request) {
        List<String> tagEvents = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < request.events().size(); i++) {
            for (org.eventcore.Tag t : request.events().get(i).tags()) {
                tagEvents.add(Integer.toString(i + 1));
                tags.add(t.value());
            }
        }
        List<org.eventcore.TagQuery> queries = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (org.eventcore.spi.AppendCondition c : request.conditions()) {
            queries.add(c.query());
            after.add(c.after());
        }
        return new OneStatementAppend.Tagged(
                tagEvents, tags, JpaTags.json(JpaTags.items(queries, serializer), after), queries);
    }

    /**
     * H2 (development): the append in statements of its own, serialized by the lock row: the command
     * id, the versions read, positions after the highest, then the command, the events and the new
     * versions as entities.
     */
    private List<long[]> appendPortably(
            EntityManager em, AppendRequest request, RowAt rowAt, Map<StreamId, Long> versions, OffsetDateTime now) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(request.expectedVersions().keySet().stream()
                .map(StreamId::value)
                .toList()));
        Dialects.lockStreams(em, settings.dialect(), sorted, timeoutMillis);
        if (commandExists(em, request.commandId())) {
            throw new DuplicateCommandException(request.commandId());
        }
        Map<String, StreamRecord> current = new HashMap<>();
        for (StreamRecord s : Dialects.timed(
                        em.createQuery("select s from StreamRecord s where s.streamId in :ids", StreamRecord.class),
                        timeoutMillis)
                .setHint(RETRIEVE_MODE, jakarta.persistence.CacheRetrieveMode.BYPASS)
                .setParameter("ids", sorted)
                .getResultList()) {
            current.put(s.streamId(), s);
        }
        List<StreamConflict> conflicts = new ArrayList<>();
        for (Map.Entry<StreamId, StreamVersion> e : request.expectedVersions().entrySet()) {
            StreamRecord s = current.get(e.getKey().value());
            long actual = s == null ? 0 : s.streamVersion();
            if (actual != e.getValue().value()) {
                conflicts.add(new StreamConflict(e.getKey(), e.getValue(), StreamVersion.of(actual)));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new StreamConflictException(conflicts);
        }
        if (!request.conditions().isEmpty()) {
            JpaTags.checkOnH2(em, request.conditions(), serializer, timeoutMillis);
        }
        List<long[]> places =
                Dialects.allocatePositionsOnH2(em, request.events().size(), timeoutMillis);
        em.persist(new CommandRecord(request.commandId().value(), now));
        for (int i = 0; i < places.size(); i++) {
            em.persist(rowAt.row(i, places.get(i)[0], places.get(i)[1]));
        }
        for (Map.Entry<StreamId, Long> v : versions.entrySet()) {
            StreamRecord s = current.get(v.getKey().value());
            if (s == null) {
                em.persist(new StreamRecord(v.getKey().value(), v.getValue()));
            } else {
                s.moveTo(v.getValue());
            }
        }
        em.flush();
        if (request.usesTags()) {
            List<String> types = new ArrayList<>(places.size());
            for (int i = 0; i < places.size(); i++) {
                types.add(rowAt.row(i, 0, 0).eventType());
            }
            JpaTags.writeOnH2(em, request.events(), types, places, timeoutMillis);
        }
        return places;
    }

    private boolean commandExists(EntityManager em, CommandId id) {
        return !Dialects.timed(
                        em.createQuery("select c.commandId from CommandRecord c where c.commandId = :id", String.class),
                        timeoutMillis)
                .setParameter("id", id.value())
                .getResultList()
                .isEmpty();
    }

    @Override
    public Optional<List<StoredEvent<Object>>> eventsOf(CommandId commandId) {
        List<EventRow> rows = run(
                "look-up",
                em -> rows(em, " where e.causationId = :id order by e.txId, e.globalPosition")
                        .setParameter("id", commandId.value())
                        .getResultList());
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<StoredEvent<Object>> events = new ArrayList<>(rows.size());
        for (EventRow r : rows) {
            events.add(Records.toStored(r, serializer));
        }
        return Optional.of(events);
    }

    @Override
    public List<StoredEvent<Object>> readLog(GlobalPosition after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(JpaMessages.invalidLogReadLimit(limit));
        }
        List<EventRow> rows = run("log read", em -> {
            long horizon = Dialects.logHorizon(em, settings.dialect(), timeout(em));
            return rows(
                            em,
                            // "txId >= :tx" lets the index range start at the reader's position
                            " where e.txId >= :tx and e.txId < :horizon"
                                    + " and (e.txId > :tx or e.globalPosition > :pos)"
                                    + " order by e.txId, e.globalPosition")
                    .setParameter("horizon", horizon)
                    .setParameter("tx", after.epoch())
                    .setParameter("pos", after.offset())
                    .setMaxResults(limit)
                    .getResultList();
        });
        List<StoredEvent<Object>> events = new ArrayList<>(rows.size());
        for (EventRow r : rows) {
            events.add(Records.toStored(r, serializer));
        }
        return events;
    }

    @Override
    public GlobalPosition head() {
        return run("log read", em -> {
            long horizon = Dialects.logHorizon(em, settings.dialect(), timeout(em));
            List<Object[]> rows = Dialects.timed(
                            em.createQuery(
                                    "select e.txId, e.globalPosition from EventRecord e where e.txId < :horizon"
                                            + " order by e.txId desc, e.globalPosition desc",
                                    Object[].class),
                            timeout(em))
                    .setParameter("horizon", horizon)
                    .setMaxResults(1)
                    .getResultList();
            if (rows.isEmpty()) {
                return GlobalPosition.start();
            }
            return GlobalPosition.of(((Number) rows.get(0)[0]).longValue(), ((Number) rows.get(0)[1]).longValue());
        });
    }

    /**
     * One statement that reads no payload: the count and earliest time of at most {@code limit} index
     * entries after {@code after}, below the log's horizon (what {@link #readLog} would return now).
     */
    @Override
    public LogLag lag(GlobalPosition after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException(JpaMessages.invalidLogReadLimit(limit));
        }
        Object[] row = run("log read", em -> {
            long horizon = Dialects.logHorizon(em, settings.dialect(), timeout(em));
            return (Object[]) Dialects.timed(em.createNativeQuery(EventRow.LAG_SQL), timeout(em))
                    .setParameter(1, after.epoch())
                    .setParameter(2, horizon)
                    .setParameter(3, after.epoch())
                    .setParameter(4, after.offset())
                    .setParameter(5, limit)
                    .getSingleResult();
        });
        long events = ((Number) row[0]).longValue();
        if (events == 0) {
            return LogLag.none();
        }
        java.time.Instant earliest = EventRow.instantOfMicros(((Number) row[1]).longValue());
        return new LogLag(events, events >= limit, Optional.of(earliest));
    }

    /**
     * Native statements on PostgreSQL and H2, each an index range: see the manual's page "The console" for
     * which filter reads which index. Nothing is parsed; a row that cannot be read is returned as stored.
     */
    @Override
    public LogPage browse(LogQuery query) {
        Objects.requireNonNull(query, "query");
        return run("log browse", em -> JpaLogBrowsing.browse(em, timeout(em), query));
    }

    @Override
    public Optional<LoggedEvent> event(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        return run("log browse", em -> JpaLogBrowsing.event(em, timeout(em), eventId));
    }

    @Override
    public List<LoggedEvent> command(String commandId) {
        Objects.requireNonNull(commandId, "commandId");
        return run("log browse", em -> JpaLogBrowsing.command(em, timeout(em), commandId));
    }

    @Override
    public StoredEvent<Object> read(LoggedEvent event) {
        Objects.requireNonNull(event, "event");
        return Records.toStored(
                new EventRow(
                        event.position().offset(),
                        event.position().epoch(),
                        event.eventId(),
                        event.streamId(),
                        event.streamVersion(),
                        event.eventType(),
                        event.typeRevision(),
                        event.storedPayload().orElseThrow(),
                        event.correlationId(),
                        event.commandId(),
                        event.user().orElse(null),
                        event.recordedAt().atOffset(java.time.ZoneOffset.UTC),
                        event.customMetadata()),
                serializer);
    }

    @Override
    public Optional<SerializedEvent> written(Object payload) {
        return Optional.of(serializer.serialize(Objects.requireNonNull(payload, "payload")));
    }
}
