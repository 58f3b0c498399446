package org.eventcore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.eventcore.messages.ApiMessages;

/**
 * Which events a command's decision depends on beyond its streams: events of some types, carrying
 * some tags. A query is one or more {@linkplain Item items}, OR-ed: an event matches the query when it
 * matches any item; it matches an item when its type is one of the item's types (any type, if the item
 * names none) and it carries every one of the item's tags. An item names at least one tag: a rule over
 * every event of a type ("the last invoice number") tags those events with a tag they share
 * ({@code invoices:2026}) and queries it, so that neither the read nor the check walks the whole log.
 *
 * <p>A command declares its queries with {@link Consistency @Consistency}; the executor reads the
 * events that match them, folds them with {@link Command#apply} together with the events of its streams
 * (each event once, in the log's order), and appends only if no event matching any of them was appended
 * after that read. So a rule that spans entities ("a course has at most 30 students") needs no stream
 * of its own:
 *
 * <pre>{@code
 * TagQuery course = TagQuery.of(Set.of(CourseDefined.class, StudentSubscribed.class), Tag.of("course", id));
 * TagQuery anyEvent = TagQuery.tagged(Tag.of("username", name));
 * TagQuery both = course.or(TagQuery.of(Set.of(InvoiceCreated.class), Tag.of("invoices", "2026")));
 * }</pre>
 *
 * <p>Types are event classes: an event matches a type when its payload is of that class (read through
 * upcasters, so an event stored under a type's earlier name matches too). Immutable and thread-safe.
 */
public final class TagQuery {

    /** The most items one query may have. */
    public static final int MAX_ITEMS = 32;

    /** The most types or tags one item may name. */
    public static final int MAX_PER_ITEM = 32;

    private final List<Item> items;

    private TagQuery(List<Item> items) {
        this.items = List.copyOf(items);
    }

    /**
     * One alternative of a query: events of one of {@code types} (any type, if empty) that carry every
     * tag of {@code tags} (any tags, if empty).
     *
     * @param types the event classes, in a stable order (by name)
     * @param tags the tags, in their order
     */
    public record Item(Set<Class<?>> types, Set<Tag> tags) {

        /**
         * @throws InvalidTagException (EC1009) if both are empty, a type or tag is null, or there are more
         *     than {@link #MAX_PER_ITEM} of either
         */
        public Item {
            Objects.requireNonNull(types, "types");
            Objects.requireNonNull(tags, "tags");
            if (tags.isEmpty()) {
                throw new InvalidTagException(ApiMessages.invalidTagQuery("an item names no tag"
                        + (types.isEmpty()
                                ? " (it would match every event)"
                                : " (only the types "
                                        + types.stream()
                                                .map(t -> t == null ? "null" : t.getSimpleName())
                                                .toList()
                                        + "): give the events a tag they share, such as Tag.of(\"invoices\", series), and"
                                        + " query that tag with the types")));
            }
            if (types.size() > MAX_PER_ITEM || tags.size() > MAX_PER_ITEM) {
                throw new InvalidTagException(ApiMessages.invalidTagQuery("an item names " + types.size()
                        + " types and " + tags.size() + " tags, more than " + MAX_PER_ITEM));
            }
            Set<Class<?>> byName = new TreeSet<>(Comparator.comparing(Class::getName));
            for (Class<?> t : types) {
                if (t == null) {
                    throw new InvalidTagException(ApiMessages.invalidTagQuery("an item names a null type"));
                }
                byName.add(t);
            }
            Set<Tag> sorted = new TreeSet<>();
            for (Tag t : tags) {
                if (t == null) {
                    throw new InvalidTagException(ApiMessages.invalidTagQuery("an item names a null tag"));
                }
                sorted.add(t);
            }
            types = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(byName));
            tags = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(sorted));
        }

        /** Whether an event of class {@code type} with {@code eventTags} matches this item. */
        public boolean matches(Class<?> type, Collection<Tag> eventTags) {
            if (!types.isEmpty() && types.stream().noneMatch(t -> t == type)) {
                return false;
            }
            return eventTags.containsAll(tags);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            if (!types.isEmpty()) {
                b.append("types ");
                b.append(String.join(
                        " | ", types.stream().map(Class::getSimpleName).toList()));
            }
            if (!tags.isEmpty()) {
                b.append(b.length() == 0 ? "" : " ").append("tagged ");
                b.append(String.join(" & ", tags.stream().map(Tag::value).toList()));
            }
            return b.toString();
        }
    }

    /** One item: events of any of {@code types} carrying every tag of {@code tags}. */
    public static TagQuery of(Set<Class<?>> types, Tag... tags) {
        return new TagQuery(List.of(new Item(types, Set.copyOf(Arrays.asList(requireTags(tags))))));
    }

    /** One item: events of any type carrying every tag of {@code tags} (at least one). */
    public static TagQuery tagged(Tag... tags) {
        return of(Set.of(), tags);
    }

    /** A query of the given items (at least one). */
    public static TagQuery ofItems(List<Item> items) {
        if (items == null || items.isEmpty() || items.contains(null)) {
            throw new InvalidTagException(ApiMessages.invalidTagQuery("a query has at least one item and no null"));
        }
        if (items.size() > MAX_ITEMS) {
            throw new InvalidTagException(
                    ApiMessages.invalidTagQuery("a query has " + items.size() + " items, more than " + MAX_ITEMS));
        }
        return new TagQuery(items);
    }

    /** This query's items, then {@code other}'s: events that match either. */
    public TagQuery or(TagQuery other) {
        List<Item> all = new ArrayList<>(items);
        all.addAll(other.items);
        return ofItems(all);
    }

    /** The items, at least one, OR-ed. */
    public List<Item> items() {
        return items;
    }

    /** Whether an event of class {@code type} carrying {@code tags} matches this query. */
    public boolean matches(Class<?> type, Collection<Tag> tags) {
        for (Item item : items) {
            if (item.matches(type, tags)) {
                return true;
            }
        }
        return false;
    }

    /** Every event class the query names, in item order. */
    public Set<Class<?>> types() {
        Set<Class<?>> all = new LinkedHashSet<>();
        items.forEach(i -> all.addAll(i.types()));
        return all;
    }

    private static Tag[] requireTags(Tag[] tags) {
        if (tags == null || Arrays.asList(tags).contains(null)) {
            throw new InvalidTagException(ApiMessages.invalidTagQuery("a tag is null"));
        }
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TagQuery q && q.items.equals(items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    /** For messages: {@code [types A | B tagged course:c1] or [tagged student:s1]}. */
    @Override
    public String toString() {
        return String.join(" or ", items.stream().map(i -> "[" + i + "]").toList());
    }
}
