package org.eventcore.jpa;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eventcore.EventId;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamConflictException;
import org.eventcore.Tag;
import org.eventcore.TagConflict;
import org.eventcore.TagQuery;
import org.eventcore.jpa.internal.EventRow;
import org.eventcore.serialization.EventSerializer;
import org.eventcore.spi.AppendCondition;
import org.eventcore.spi.PendingEvent;

/**
 * Tag queries on JPA (ADR 0009): the read of matching events with its position, the conditions and tags of
 * an append as the arguments of PostgreSQL's {@code ec_append_tagged}, and on H2 the check and the writing
 * of tags under the lock row. On PostgreSQL a read's position is the text of its statement's snapshot
 * ({@code pg_current_snapshot()}), so a condition fails on exactly the matching events that read did not see;
 * on H2, whose appends are serialized, it is the highest global position.
 */
final class JpaTags {

    /**
     * The schema version tags need: {@code ec_event_tags} and {@code ec_append_tagged} arrived in version 8,
     * the order of its locks (streams, then tags) in version 9.
     */
    static final int SCHEMA_NEEDED = 9;

    /**
     * PostgreSQL: ?1 the items as JSON; the snapshot, then the matching events, in log order, one statement.
     * Each item is a lateral look-up of its first tag's index range ({@code offset 0} keeps the planner from
     * turning it into a join), whatever the plan's estimate of the items: a join of the items with the tags
     * let plans hash the whole tag table (1.1 ms at 8,438 tags, growing with the table).
     */
    static final String READ_SQL = "select s.snap, " + EventRow.COLUMNS_OF_E
            + " from (select cast(pg_current_snapshot() as text) as snap) as s"
            + " left join lateral (select distinct m.global_position"
            + " from jsonb_to_recordset(cast(?1 as jsonb)) as i(n integer, after text, names text[], tags text[])"
            + " cross join lateral (select t.global_position from ec_event_tags t where t.tag = i.tags[1]"
            + " and (cardinality(i.names) = 0 or t.event_type = any(i.names))"
            + " and (cardinality(i.tags) = 1 or (select count(*) from ec_event_tags o where o.tag = any(i.tags)"
            + " and o.tx_id = t.tx_id and o.global_position = t.global_position) = cardinality(i.tags)) offset 0) as m)"
            + " as mm"
            + " on true left join ec_events e on e.global_position = mm.global_position"
            + " order by e.tx_id, e.global_position";

    private JpaTags() {}

    /** One item of one condition (or of a read: {@code n} and {@code after} unused), names resolved. */
    record Item(int n, TagQuery query, List<String> names, List<String> tags) {}

    /** The items of {@code queries}, the query's index as {@code n}, with every stored name of each type. */
    static List<Item> items(List<TagQuery> queries, EventSerializer serializer) {
        List<Item> items = new ArrayList<>();
        for (int n = 0; n < queries.size(); n++) {
            TagQuery q = queries.get(n);
            for (TagQuery.Item item : q.items()) {
                Set<String> names = new LinkedHashSet<>();
                for (Class<?> type : item.types()) {
                    names.addAll(serializer.typeNames(type));
                }
                items.add(new Item(
                        n,
                        q,
                        List.copyOf(names),
                        item.tags().stream().map(Tag::value).toList()));
            }
        }
        return items;
    }

    /** The items as the JSON array ec_append_tagged and {@link #READ_SQL} take. */
    static String json(List<Item> items, List<String> after) {
        StringBuilder b = new StringBuilder(64 * items.size() + 2).append('[');
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            b.append(i == 0 ? "" : ",").append("{\"n\":").append(item.n()).append(",\"after\":");
            string(b, after == null ? "" : after.get(item.n()));
            b.append(",\"names\":[");
            for (int k = 0; k < item.names().size(); k++) {
                string(b.append(k == 0 ? "" : ","), item.names().get(k));
            }
            b.append("],\"tags\":[");
            for (int k = 0; k < item.tags().size(); k++) {
                string(b.append(k == 0 ? "" : ","), item.tags().get(k));
            }
            b.append("]}");
        }
        return b.append(']').toString();
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    /**
     * PostgreSQL: the snapshot's text and the matching events, in log order.
     *
     * @return the position, and the rows into {@code rows}
     */
    static String readOnPostgres(EntityManager em, List<Item> items, int timeoutMillis, List<EventRow> rows) {
        List<?> cells = Dialects.timed(em.createNativeQuery(READ_SQL), timeoutMillis)
                .setParameter(1, json(items, null))
                .getResultList();
        String snapshot = null;
        for (Object c : cells) {
            Object[] row = (Object[]) c;
            snapshot = (String) row[0];
            if (row[1] != null) {
                rows.add(EventRow.of(java.util.Arrays.copyOfRange(row, 1, row.length)));
            }
        }
        return snapshot;
    }

    /** H2: the highest position, then the matching events at or below it, in log order. */
    static String readOnH2(EntityManager em, List<Item> items, int timeoutMillis, List<Long> positions) {
        long head = ((Number) Dialects.timed(
                                em.createNativeQuery("select coalesce(max(global_position), 0) from ec_events"),
                                timeoutMillis)
                        .getSingleResult())
                .longValue();
        positions.addAll(matchingOnH2(em, items, timeoutMillis, 0, head).keySet());
        return Long.toString(head);
    }

    /**
     * H2: the positions in {@code (after, upTo]} of events that match any item, each with the index of the
     * first item it matches.
     */
    static TreeMap<Long, Integer> matchingOnH2(
            EntityManager em, List<Item> items, int timeoutMillis, long after, long upTo) {
        TreeMap<Long, Integer> found = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            Map<Long, Set<String>> tagsAt = new HashMap<>();
            Map<Long, String> typeAt = new HashMap<>();
            for (Object c : Dialects.timed(
                            em.createNativeQuery("select global_position, tag, event_type from ec_event_tags"
                                    + " where tag in (?1) and global_position > ?2 and global_position <= ?3"),
                            timeoutMillis)
                    .setParameter(1, item.tags())
                    .setParameter(2, after)
                    .setParameter(3, upTo)
                    .getResultList()) {
                Object[] row = (Object[]) c;
                long p = ((Number) row[0]).longValue();
                tagsAt.computeIfAbsent(p, k -> new java.util.HashSet<>()).add((String) row[1]);
                typeAt.put(p, (String) row[2]);
            }
            for (Map.Entry<Long, Set<String>> e : tagsAt.entrySet()) {
                if (e.getValue().containsAll(item.tags())
                        && (item.names().isEmpty() || item.names().contains(typeAt.get(e.getKey())))) {
                    found.putIfAbsent(e.getKey(), i);
                }
            }
        }
        return found;
    }

    /**
     * H2, under the lock row: refuses the append when an event matching a condition was stored after the
     * condition's read (a position above the one the read returned).
     */
    static void checkOnH2(
            EntityManager em, List<AppendCondition> conditions, EventSerializer serializer, int timeoutMillis) {
        List<TagConflict> conflicts = new ArrayList<>();
        for (AppendCondition c : conditions) {
            long after;
            try {
                after = Long.parseLong(c.after());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        org.eventcore.jpa.messages.JpaMessages.foreignTagPosition(c.after()), e);
            }
            TreeMap<Long, Integer> newer =
                    matchingOnH2(em, items(List.of(c.query()), serializer), timeoutMillis, after, Long.MAX_VALUE);
            if (!newer.isEmpty()) {
                long p = newer.firstKey();
                Object[] row = (Object[]) Dialects.timed(
                                em.createNativeQuery(
                                        "select event_id, event_type from ec_events where global_position = ?1"),
                                timeoutMillis)
                        .setParameter(1, p)
                        .getSingleResult();
                conflicts.add(new TagConflict(
                        c.query(), EventId.parse((String) row[0]), (String) row[1], GlobalPosition.of(0, p)));
            }
        }
        if (!conflicts.isEmpty()) {
            throw new StreamConflictException(List.of(), conflicts);
        }
    }

    /** H2: the tag rows of the stored events (positions as allocated, types as stored). */
    static void writeOnH2(
            EntityManager em, List<PendingEvent> events, List<String> types, List<long[]> places, int timeoutMillis) {
        for (int i = 0; i < events.size(); i++) {
            for (Tag t : events.get(i).tags()) {
                Dialects.timed(
                                em.createNativeQuery("insert into ec_event_tags (tag, tx_id, global_position,"
                                        + " event_type) values (?1, ?2, ?3, ?4)"),
                                timeoutMillis)
                        .setParameter(1, t.value())
                        .setParameter(2, places.get(i)[0])
                        .setParameter(3, places.get(i)[1])
                        .setParameter(4, types.get(i))
                        .executeUpdate();
            }
        }
    }
}
