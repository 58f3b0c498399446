package org.eventcore.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eventcore.GlobalPosition;
import org.eventcore.jpa.internal.EventRow;
import org.eventcore.spi.LogPage;
import org.eventcore.spi.LogQuery;
import org.eventcore.spi.LoggedEvent;

/**
 * The JPA store's {@link org.eventcore.spi.LogBrowser}: native statements that PostgreSQL and H2 both
 * run, each bounded by an index range. A command id reads {@code ec_events_causation_idx}; a stream id
 * reads the stream's key ({@code stream_id, stream_version}) from the version of the page's position down;
 * every other query reads a stretch of at most {@link LogQuery#MAX_EXAMINED} entries of the log's index
 * ({@code tx_id, global_position}) and filters it. A time range's end becomes a position by a binary search
 * over the primary key; its start ends the walk once the stretch is older than it by more than
 * {@link #CLOCK_MARGIN}, the time a transaction may stay open or clocks of two nodes may differ.
 */
final class JpaLogBrowsing {

    /**
     * How far from its time an event may stand in the log, and so how far past a time range the walk starts and how
     * far before it it goes on: an event's place is its transaction's id, given at the transaction's first write, and
     * a command that joins a caller's transaction may commit up to the transaction timeout later (300 s by default
     * on WildFly and Payara); the clocks of two nodes differ by far less under NTP.
     */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(5);

    private static final String COLUMNS = "global_position, tx_id, event_id, stream_id, stream_version,"
            + " event_type, type_revision, payload, correlation_id, causation_id, user_name,"
            + " cast(extract(epoch from recorded_at) * 1000000 as bigint), custom_metadata";

    /** A row's time in microseconds since the epoch, as both databases compute it. */
    private static final String MICROS = "cast(extract(epoch from recorded_at) * 1000000 as bigint)";

    /**
     * Before a position, as a row comparison: PostgreSQL and H2 take it as one range of the log index; spelled out
     * with {@code or}, PostgreSQL filtered every entry from the newest down to it.
     */
    private static final String BEFORE = "(tx_id, global_position) < (?, ?)";

    private static final String DESCENDING = " order by tx_id desc, global_position desc";

    private JpaLogBrowsing() {}

    static LogPage browse(EntityManager em, int timeout, LogQuery q) {
        if (q.commandId().isPresent()) {
            return exact(em, timeout, q, "causation_id = ?", q.commandId().get());
        }
        if (q.streamId().isPresent()) {
            return stream(em, timeout, q);
        }
        return walk(em, timeout, q);
    }

    /** A query an index serves: every row with {@code key}, newest first, after the filters. */
    private static LogPage exact(EntityManager em, int timeout, LogQuery q, String key, String value) {
        Filter f = new Filter();
        f.add(key, value);
        f.filters(q);
        GlobalPosition before = q.before().orElse(null);
        if (before != null) {
            f.add(BEFORE, before.epoch(), before.offset());
        }
        List<LoggedEvent> found = rows(
                em, timeout, "select " + COLUMNS + " from ec_events where " + f.where + DESCENDING, f, q.limit() + 1);
        return exactPage(q, found);
    }

    private static LogPage exactPage(LogQuery q, List<LoggedEvent> found) {
        boolean more = found.size() > q.limit();
        List<LoggedEvent> page = more ? found.subList(0, q.limit()) : found;
        Optional<GlobalPosition> next =
                more ? Optional.of(page.get(page.size() - 1).position()) : Optional.empty();
        return new LogPage(page, next, page.size(), true);
    }

    /**
     * One stream, newest first, through the stream's key: versions are gapless, so the stretch of at most
     * {@link LogQuery#MAX_EXAMINED} events below the page's position is a range of versions.
     */
    private static LogPage stream(EntityManager em, int timeout, LogQuery q) {
        String stream = q.streamId().get();
        long below;
        if (q.before().isPresent()) {
            // the stream's last version before the position (the position need not be one of its events): its
            // key read backwards, from the newest version down to the first before the position
            Object version = Dialects.timed(
                            em.createNativeQuery("select max(stream_version) from ec_events where stream_id = ?1"
                                    + " and (tx_id, global_position) < (?2, ?3)"),
                            timeout)
                    .setParameter(1, stream)
                    .setParameter(2, q.before().get().epoch())
                    .setParameter(3, q.before().get().offset())
                    .getSingleResult();
            if (version == null) {
                return new LogPage(List.of(), Optional.empty(), 0, true);
            }
            below = ((Number) version).longValue() + 1;
        } else {
            Object last = Dialects.timed(
                            em.createNativeQuery("select max(stream_version) from ec_events where stream_id = ?1"),
                            timeout)
                    .setParameter(1, stream)
                    .getSingleResult();
            if (last == null) {
                return new LogPage(List.of(), Optional.empty(), 0, true);
            }
            below = ((Number) last).longValue() + 1;
        }
        long lowest = Math.max(1, below - LogQuery.MAX_EXAMINED);
        Filter f = new Filter();
        f.add("stream_id = ? and stream_version >= ? and stream_version < ?", stream, lowest, below);
        f.filters(q);
        List<LoggedEvent> found = rows(
                em,
                timeout,
                "select " + COLUMNS + " from ec_events where " + f.where + " order by stream_version desc",
                f,
                q.limit() + 1);
        if (found.size() > q.limit()) {
            List<LoggedEvent> page = found.subList(0, q.limit());
            LoggedEvent last = page.get(page.size() - 1);
            return new LogPage(page, Optional.of(last.position()), below - last.streamVersion(), true);
        }
        Optional<GlobalPosition> next = Optional.empty();
        if (lowest > 1) {
            List<Object[]> at = list(Dialects.timed(
                            em.createNativeQuery("select tx_id, global_position from ec_events"
                                    + " where stream_id = ?1 and stream_version = ?2"),
                            timeout)
                    .setParameter(1, stream)
                    .setParameter(2, lowest));
            next = at.stream()
                    .findFirst()
                    .map(r -> GlobalPosition.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        }
        return new LogPage(found, next, below - lowest, next.isEmpty());
    }

    /**
     * A stretch of the log before the page's position, at most {@link LogQuery#MAX_EXAMINED} entries, filtered.
     * The stretch's oldest entry is found first, walking the log's index only.
     */
    private static LogPage walk(EntityManager em, int timeout, LogQuery q) {
        GlobalPosition before = q.before().orElse(GlobalPosition.of(Long.MAX_VALUE, Long.MAX_VALUE));
        if (q.to().isPresent()) {
            Optional<GlobalPosition> end =
                    firstRecordedAfter(em, timeout, q.to().get().plus(CLOCK_MARGIN));
            if (end.isPresent() && end.get().compareTo(before) < 0) {
                before = end.get();
            }
        }
        List<LoggedEvent> found = new ArrayList<>();
        long examined = 0;
        GlobalPosition upper = before;
        GlobalPosition oldest = null;
        boolean more = true;
        // stretches of growing size (1,000, then 9,000, then 90,000 entries): a page that fills early reads little
        for (int size : STRETCHES) {
            List<Object[]> boundary = list(Dialects.timed(
                            // the limit in the text: a provider that sets it on the JDBC statement instead would
                            // leave PostgreSQL to plan for every row after the offset
                            em.createNativeQuery("select tx_id, global_position from ec_events"
                                    + " where (tx_id, global_position) < (?1, ?2)" + DESCENDING
                                    + " offset " + (size - 1) + " rows fetch first 1 rows only"),
                            timeout)
                    .setParameter(1, upper.epoch())
                    .setParameter(2, upper.offset()));
            Filter f = new Filter();
            f.add(BEFORE, upper.epoch(), upper.offset());
            oldest = null;
            if (!boundary.isEmpty()) {
                oldest = GlobalPosition.of(
                        ((Number) boundary.get(0)[0]).longValue(), ((Number) boundary.get(0)[1]).longValue());
                f.add("(tx_id, global_position) >= (?, ?)", oldest.epoch(), oldest.offset());
            }
            f.filters(q);
            found.addAll(rows(
                    em,
                    timeout,
                    "select " + COLUMNS + " from ec_events where " + f.where + DESCENDING,
                    f,
                    q.limit() + 1 - found.size()));
            if (oldest == null) {
                examined += stretch(em, timeout, upper);
                more = false; // the stretch reached the start of the log
                break;
            }
            examined += size;
            if (found.size() > q.limit()) {
                break;
            }
            if (q.from().isPresent()
                    && recordedBefore(em, timeout, oldest, q.from().get().minus(CLOCK_MARGIN))) {
                more = false; // older than the time range by more than the margin: nothing further matches
                break;
            }
            upper = oldest;
        }
        if (found.size() > q.limit()) {
            List<LoggedEvent> page = found.subList(0, q.limit());
            return new LogPage(page, Optional.of(page.get(page.size() - 1).position()), examined, true);
        }
        Optional<GlobalPosition> next = more ? Optional.of(oldest) : Optional.empty();
        return new LogPage(found, next, examined, next.isEmpty());
    }

    /** The stretches a page walks, together {@link LogQuery#MAX_EXAMINED} entries. */
    private static final int[] STRETCHES = {
        LogQuery.MAX_EXAMINED / 100, LogQuery.MAX_EXAMINED / 100 * 9, LogQuery.MAX_EXAMINED / 10 * 9
    };

    /** Whether the event at {@code at} was recorded before {@code time} (one look-up by key). */
    private static boolean recordedBefore(EntityManager em, int timeout, GlobalPosition at, Instant time) {
        Instant recorded = EventRow.instantOfMicros(((Number) Dialects.timed(
                                em.createNativeQuery("select " + MICROS + " from ec_events where global_position = ?1"),
                                timeout)
                        .setParameter(1, at.offset())
                        .getSingleResult())
                .longValue());
        return recorded.isBefore(time);
    }

    /** The entries of the log before {@code before}, when they are fewer than {@link LogQuery#MAX_EXAMINED}. */
    private static long stretch(EntityManager em, int timeout, GlobalPosition before) {
        return ((Number) Dialects.timed(
                                em.createNativeQuery("select count(*) from ec_events"
                                        + " where (tx_id, global_position) < (?1, ?2)"),
                                timeout)
                        .setParameter(1, before.epoch())
                        .setParameter(2, before.offset())
                        .getSingleResult())
                .longValue();
    }

    /**
     * The position of the first event (by {@code global_position}) recorded after {@code time}, by a binary
     * search over the primary key: about 2 log2(n) look-ups by key. Empty when no event is that late.
     */
    private static Optional<GlobalPosition> firstRecordedAfter(EntityManager em, int timeout, Instant time) {
        long micros = micros(time);
        Object[] bounds = (Object[]) Dialects.timed(
                        em.createNativeQuery("select min(global_position), max(global_position) from ec_events"),
                        timeout)
                .getSingleResult();
        if (bounds[0] == null) {
            return Optional.empty();
        }
        long lo = ((Number) bounds[0]).longValue();
        long hi = ((Number) bounds[1]).longValue() + 1;
        Object[] found = null;
        while (lo < hi) {
            long mid = lo + (hi - lo) / 2;
            List<Object[]> at = list(Dialects.timed(
                            em.createNativeQuery("select tx_id, global_position,"
                                    + " cast(extract(epoch from recorded_at) * 1000000 as bigint)"
                                    + " from ec_events where global_position >= ?1 order by global_position"),
                            timeout)
                    .setParameter(1, mid)
                    .setMaxResults(1));
            if (at.isEmpty()) {
                hi = mid;
            } else if (((Number) at.get(0)[2]).longValue() > micros) {
                found = at.get(0);
                hi = mid;
            } else {
                lo = ((Number) at.get(0)[1]).longValue() + 1;
            }
        }
        return found == null
                ? Optional.empty()
                : Optional.of(GlobalPosition.of(((Number) found[0]).longValue(), ((Number) found[1]).longValue()));
    }

    static Optional<LoggedEvent> event(EntityManager em, int timeout, String eventId) {
        List<Object[]> rows = list(Dialects.timed(
                        em.createNativeQuery("select " + COLUMNS + " from ec_events where event_id = ?1"), timeout)
                .setParameter(1, eventId));
        return rows.isEmpty() ? Optional.empty() : Optional.of(logged(rows.get(0)));
    }

    static List<LoggedEvent> command(EntityManager em, int timeout, String commandId) {
        List<Object[]> rows = list(Dialects.timed(
                        em.createNativeQuery("select " + COLUMNS + " from ec_events where causation_id = ?1"
                                + " order by tx_id, global_position"),
                        timeout)
                .setParameter(1, commandId)
                .setMaxResults(LogQuery.MAX_COMMAND_EVENTS));
        List<LoggedEvent> events = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            events.add(logged(row));
        }
        return events;
    }

    private static List<LoggedEvent> rows(EntityManager em, int timeout, String sql, Filter f, int max) {
        Query query = Dialects.timed(em.createNativeQuery(sql), timeout);
        for (int i = 0; i < f.values.size(); i++) {
            query.setParameter(i + 1, f.values.get(i));
        }
        List<LoggedEvent> events = new ArrayList<>();
        for (Object[] row : list(query.setMaxResults(max))) {
            events.add(logged(row));
        }
        return events;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> list(Query query) {
        return query.getResultList();
    }

    private static LoggedEvent logged(Object[] cells) {
        cells[12] = Dialects.text(cells[12]);
        cells[7] = Dialects.bytes(cells[7]);
        EventRow r = EventRow.of(cells);
        return new LoggedEvent(
                GlobalPosition.of(r.txId(), r.globalPosition()),
                r.eventId(),
                r.streamId(),
                r.streamVersion(),
                r.eventType(),
                r.typeRevision(),
                Optional.of(r.payload()),
                Optional.empty(),
                r.correlationId(),
                r.causationId(),
                Optional.ofNullable(r.userName()),
                r.recordedAt().toInstant(),
                r.customMetadata());
    }

    /** A where clause with numbered parameters, built in order. */
    private static final class Filter {
        private final StringBuilder where = new StringBuilder();
        private final List<Object> values = new ArrayList<>();

        void add(String condition, Object... params) {
            if (where.length() > 0) {
                where.append(" and ");
            }
            int k = 0;
            for (int i = 0; i < condition.length(); i++) {
                char c = condition.charAt(i);
                where.append(c);
                if (c == '?') {
                    values.add(params[k++]);
                    where.append(values.size());
                }
            }
            if (k != params.length) {
                throw new IllegalStateException("parameters do not match " + condition);
            }
        }

        /** The filters other than the driving key, each served by the rows the key range selects. */
        void filters(LogQuery q) {
            q.streamPrefix().ifPresent(p -> add("stream_id like ? escape '!'", likePrefix(p)));
            q.eventType().ifPresent(t -> add("event_type = ?", t));
            q.correlationId().ifPresent(c -> add("correlation_id = ?", c));
            q.streamId().ifPresent(id -> add("stream_id = ?", id));
            q.from().ifPresent(t -> add(MICROS + " >= ?", micros(t)));
            q.to().ifPresent(t -> add(MICROS + " < ?", micros(t)));
        }
    }

    private static long micros(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    }

    /** {@code prefix} as a LIKE pattern with '!' as escape: its own '%', '_' and '!' taken literally. */
    static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
