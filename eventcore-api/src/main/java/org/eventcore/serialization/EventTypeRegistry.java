package org.eventcore.serialization;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.eventcore.messages.ApiMessages;
import org.eventcore.serialization.UpcasterChains.Step;

/**
 * The explicit mapping between event classes and their stable stored names and revisions. Built once,
 * immutable and thread-safe afterwards. Reading maps a stored name to a registered class only;
 * nothing is ever loaded by a name read from storage.
 *
 * <p>It also holds the {@linkplain EventUpcaster upcasters} that take events stored in an older
 * revision, or under an older name, to the form a registered class has. {@link Builder#build()}
 * checks their chains: no gap, no two steps from one revision, every chain ending at a revision a
 * class has. A serializer asks {@link #readPath} what to do with a stored type and revision.
 *
 * <pre>{@code
 * EventTypeRegistry types = EventTypeRegistry.builder()
 *         .registerSealed(AccountEvent.class)            // every permitted record, by its @EventType
 *         .register("shop.OrderPlaced", 2, OrderPlaced.class)
 *         .upcaster(new OrderPlacedV1ToV2())            // shop.OrderPlaced 1 -> 2
 *         .build();
 * }</pre>
 */
public final class EventTypeRegistry {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:\\-]{1,200}");

    /** A registered type: its class, name and current revision. */
    public record Entry(Class<?> type, String name, int revision) {}

    /**
     * How a stored event is read: the steps to run on its payload, in order (none for an event stored
     * in the form of its class), and the class to bind the result to.
     *
     * @param target the registered type the steps end at
     * @param steps the upcasters to run, first to last; empty when the stored form is the class's
     */
    public record ReadPath(Entry target, List<EventUpcaster<?>> steps) {
        public ReadPath {
            Objects.requireNonNull(target, "target");
            steps = List.copyOf(steps);
        }
    }

    private final Map<Class<?>, Entry> byClass;
    private final Map<String, Entry> byName;
    /** The path of an event stored in its class's current form, by name: the fast path, no step. */
    private final Map<String, ReadPath> current;
    /** The step that reads each stored (type, revision). */
    private final Map<Step, EventUpcaster<?>> steps;
    /** The names that upcasters read: a revision of them without a step is not read as is. */
    private final Set<String> upcastNames;
    /** Paths already worked out for stored forms other than the current ones, which the registry bounds. */
    private final Map<Step, ReadPath> paths = new ConcurrentHashMap<>();
    /** The stored names of each class asked for ({@link #namesOf}): asked on every tag read and tagged append. */
    private final Map<Class<?>, List<String>> names = new ConcurrentHashMap<>();
    /** {@link #fingerprint()}, once computed. */
    private volatile String fingerprint;

    private EventTypeRegistry(
            Map<Class<?>, Entry> byClass, Map<String, Entry> byName, Map<Step, EventUpcaster<?>> steps) {
        this.byClass = Map.copyOf(byClass);
        this.byName = Map.copyOf(byName);
        Map<String, ReadPath> paths = new HashMap<>();
        byName.forEach((name, entry) -> paths.put(name, new ReadPath(entry, List.of())));
        this.current = Map.copyOf(paths);
        this.steps = Map.copyOf(steps);
        Set<String> names = new HashSet<>();
        for (EventUpcaster<?> step : steps.values()) {
            names.add(step.type());
        }
        this.upcastNames = Set.copyOf(names);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The entry of {@code type}.
     *
     * @throws UnknownEventTypeException if it is not registered
     */
    public Entry entryOf(Class<?> type) {
        Entry e = byClass.get(type);
        if (e == null) {
            throw new UnknownEventTypeException(ApiMessages.unregisteredEventClass(type.getName()));
        }
        return e;
    }

    /**
     * Every name events of {@code type} are stored under: its registered name first, then, sorted, the
     * earlier names whose upcaster chains end at it (a renamed type). A {@link org.eventcore.TagQuery}
     * naming the class matches events stored under any of them.
     *
     * @throws UnknownEventTypeException if it is not registered
     */
    public List<String> namesOf(Class<?> type) {
        List<String> known = names.get(type);
        return known != null ? known : names.computeIfAbsent(type, this::storedNames);
    }

    /** {@link #namesOf}, worked out: a walk over every upcaster step. */
    private List<String> storedNames(Class<?> type) {
        Entry entry = entryOf(type);
        Set<String> earlier = new TreeSet<>();
        for (Step step : steps.keySet()) {
            if (!step.type().equals(entry.name())
                    && readPath(step.type(), step.revision()).target().type() == type) {
                earlier.add(step.type());
            }
        }
        List<String> all = new ArrayList<>(earlier.size() + 1);
        all.add(entry.name());
        all.addAll(earlier);
        return List.copyOf(all);
    }

    /**
     * The entry of a stored type name.
     *
     * @throws UnknownEventTypeException if no class is registered under it
     */
    public Entry entryOf(String name) {
        Entry e = byName.get(name);
        if (e == null) {
            throw new UnknownEventTypeException(ApiMessages.unknownEventType(name));
        }
        return e;
    }

    /** All entries, by name. */
    public Map<String, Entry> entries() {
        return byName;
    }

    /** The upcasters, in no particular order. */
    public List<EventUpcaster<?>> upcasters() {
        return List.copyOf(steps.values());
    }

    /**
     * A fingerprint of this registry: a SHA-256 digest, in hex, of every registered type (name,
     * revision, class) and every upcaster step (type and revision read and produced, class). Two
     * registries with the same fingerprint read stored events into the same classes through the same
     * steps; snapshots of command states keep it, and one written under another fingerprint is not
     * used. An upcaster whose code changes under the same class name keeps the fingerprint: raise the
     * fold revision of the cached commands then ({@link org.eventcore.CachedState#foldRevision()}).
     */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            java.util.TreeSet<String> lines = new java.util.TreeSet<>();
            byName.forEach((name, e) -> lines.add(
                    "type " + name + " " + e.revision() + " " + e.type().getName()));
            steps.values()
                    .forEach(u -> lines.add("step " + u.type() + " " + u.revision() + " " + u.targetType() + " "
                            + u.targetRevision() + " " + u.getClass().getName()));
            try {
                java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
                for (String line : lines) {
                    sha.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha.update((byte) '\n');
                }
                f = java.util.HexFormat.of().formatHex(sha.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
            fingerprint = f;
        }
        return f;
    }

    /**
     * How to read an event stored as {@code type} at {@code revision}: the upcasters to run and the
     * class to bind to. An event stored in its class's current form costs one map lookup.
     *
     * @throws UnknownEventTypeException if no class is registered under the name and no upcaster
     *     reads it
     * @throws org.eventcore.EventSerializationException if the revision is newer than this release
     *     reads, or no chain leads from it to a class
     */
    public ReadPath readPath(String type, int revision) {
        ReadPath path = current.get(type);
        if (path != null && path.target().revision() == revision) {
            return path;
        }
        Step stored = new Step(type, revision);
        ReadPath known = paths.get(stored);
        if (known != null) {
            return known;
        }
        ReadPath found = walk(stored);
        // kept only for revisions the registry bounds: chain starts, and older revisions of a class
        if (!found.steps().isEmpty()
                || (revision >= 1 && revision < found.target().revision())) {
            paths.put(stored, found);
        }
        return found;
    }

    private ReadPath walk(Step stored) {
        List<EventUpcaster<?>> chain = new ArrayList<>();
        Step at = stored;
        while (true) {
            EventUpcaster<?> step = steps.get(at);
            if (step != null) {
                chain.add(step);
                at = new Step(step.targetType(), step.targetRevision());
                if (chain.size() > steps.size()) {
                    // build() rules out cycles; this only guards against a step whose answers change
                    throw new org.eventcore.EventSerializationException(ApiMessages.noUpcasterPath(
                            stored.type(), stored.revision(), "its upcasters go round in a circle"));
                }
                continue;
            }
            Entry entry = byName.get(at.type());
            if (entry != null && entry.revision() == at.revision()) {
                return new ReadPath(entry, chain);
            }
            if (entry != null && at.revision() > entry.revision()) {
                throw new org.eventcore.EventSerializationException(ApiMessages.revisionTooNew(
                        at.type(), at.revision(), entry.revision(), entry.type().getName()));
            }
            if (entry != null && !upcastNames.contains(at.type())) {
                // an older revision of a type without upcasters: the newer revisions only added fields
                return new ReadPath(entry, chain);
            }
            if (entry == null && !upcastNames.contains(at.type())) {
                throw new UnknownEventTypeException(ApiMessages.unknownEventType(at.type()));
            }
            throw new org.eventcore.EventSerializationException(
                    ApiMessages.noUpcasterPath(stored.type(), stored.revision(), noPathDetail(at)));
        }
    }

    private String noPathDetail(Step at) {
        Set<Integer> read = new TreeSet<>();
        for (Step s : steps.keySet()) {
            if (s.type().equals(at.type())) {
                read.add(s.revision());
            }
        }
        Entry entry = byName.get(at.type());
        int newest = entry != null
                ? entry.revision()
                : read.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (entry == null && at.revision() > newest) {
            return "no upcaster reads " + at + ", newer than the revisions " + read + " that upcasters of this"
                    + " release read; a newer release of the application wrote it: deploy a release that reads it"
                    + " on every node before any node writes it";
        }
        return "no upcaster reads " + at + (read.isEmpty() ? "" : " (upcasters read revisions " + read + ")")
                + (entry == null ? "" : " and class " + entry.type().getName() + " is at revision " + entry.revision())
                + "; the event was not written by this application's releases, or an upcaster is missing";
    }

    /** Collects registrations; not thread-safe. */
    public static final class Builder {
        private final Map<Class<?>, Entry> byClass = new LinkedHashMap<>();
        private final Map<String, Entry> byName = new HashMap<>();
        private final List<EventUpcaster<?>> upcasters = new ArrayList<>();

        /**
         * Adds one step of an upcaster chain. The chains are checked by {@link #build()}, when every
         * class is registered.
         */
        public Builder upcaster(EventUpcaster<?> upcaster) {
            upcasters.add(Objects.requireNonNull(upcaster, "upcaster"));
            return this;
        }

        /** Adds steps of upcaster chains, for example the beans the CDI extension discovered. */
        public Builder upcasters(Iterable<? extends EventUpcaster<?>> steps) {
            for (EventUpcaster<?> step : steps) {
                upcaster(step);
            }
            return this;
        }

        private Builder() {}

        /**
         * Registers {@code type} under its {@link EventType} name and revision.
         *
         * @throws IllegalArgumentException if it has no {@code @EventType}, or the name is taken
         */
        public Builder register(Class<?> type) {
            EventType annotation = type.getAnnotation(EventType.class);
            if (annotation == null) {
                throw new IllegalArgumentException(ApiMessages.invalidEventTypeRegistration("Event class "
                        + type.getName()
                        + " has no @EventType(name = ...): give it a stable name, or register it with"
                        + " register(name, revision, class)"));
            }
            return register(annotation.name(), annotation.revision(), type);
        }

        /**
         * Registers {@code type} under {@code name} at {@code revision}.
         *
         * @throws IllegalArgumentException if the name is invalid or taken, or the class is registered
         */
        public Builder register(String name, int revision, Class<?> type) {
            Objects.requireNonNull(type, "type");
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(ApiMessages.invalidEventTypeRegistration("Invalid event type name \""
                        + name + "\" for " + type.getName() + ": use 1 to 200 letters, digits, '.', '_', '-' or ':'"));
            }
            if (revision < 1) {
                throw new IllegalArgumentException(ApiMessages.invalidEventTypeRegistration(
                        "Revision of event type " + name + " must be 1 or more, was " + revision));
            }
            if (type.isInterface() || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
                throw new IllegalArgumentException(ApiMessages.invalidEventTypeRegistration(type.getName()
                        + " is abstract: register the concrete event classes (registerSealed does that for a"
                        + " sealed family)"));
            }
            Entry previous = byName.get(name);
            if (previous != null && previous.type() != type) {
                throw new IllegalArgumentException(ApiMessages.eventTypeRegisteredTwice(
                        name, type.getName(), previous.type().getName(), null));
            }
            if (byClass.containsKey(type) && !byClass.get(type).name().equals(name)) {
                throw new IllegalArgumentException(ApiMessages.eventTypeRegisteredTwice(
                        name, type.getName(), null, byClass.get(type).name()));
            }
            Entry entry = new Entry(type, name, revision);
            byClass.put(type, entry);
            byName.put(name, entry);
            return this;
        }

        /**
         * Registers every concrete class permitted, directly or through nested sealed types, by the
         * sealed type {@code root}; each needs an {@link EventType}.
         */
        public Builder registerSealed(Class<?> root) {
            if (!root.isSealed()) {
                throw new IllegalArgumentException(ApiMessages.invalidEventTypeRegistration(
                        root.getName() + " is not sealed; register its classes one by one"));
            }
            Deque<Class<?>> todo = new ArrayDeque<>();
            todo.add(root);
            while (!todo.isEmpty()) {
                Class<?> c = todo.poll();
                if (c.isSealed()) {
                    for (Class<?> sub : c.getPermittedSubclasses()) {
                        todo.add(sub);
                    }
                }
                if (!c.isInterface() && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
                    register(c);
                }
            }
            return this;
        }

        /**
         * The registry.
         *
         * @throws IllegalArgumentException naming every problem of the upcaster chains: a step with an
         *     invalid name or revision, two steps from one type and revision, a step from a revision
         *     its class has already reached, a gap in a chain, a chain that ends at a revision no
         *     class has
         */
        public EventTypeRegistry build() {
            Map<Step, EventUpcaster<?>> steps = UpcasterChains.check(upcasters, byName);
            return new EventTypeRegistry(byClass, byName, steps);
        }
    }
}
