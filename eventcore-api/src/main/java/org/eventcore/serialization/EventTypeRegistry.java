package org.eventcore.serialization;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.eventcore.messages.ApiMessages;

/**
 * The explicit mapping between event classes and their stable stored names and revisions. Built once,
 * immutable and thread-safe afterwards. Reading maps a stored name to a registered class only;
 * nothing is ever loaded by a name read from storage.
 *
 * <pre>{@code
 * EventTypeRegistry types = EventTypeRegistry.builder()
 *         .registerSealed(AccountEvent.class)            // every permitted record, by its @EventType
 *         .register("shop.OrderPlaced", 2, OrderPlaced.class)
 *         .build();
 * }</pre>
 */
public final class EventTypeRegistry {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._:\\-]{1,200}");

    /** A registered type: its class, name and current revision. */
    public record Entry(Class<?> type, String name, int revision) {}

    private final Map<Class<?>, Entry> byClass;
    private final Map<String, Entry> byName;

    private EventTypeRegistry(Map<Class<?>, Entry> byClass, Map<String, Entry> byName) {
        this.byClass = Map.copyOf(byClass);
        this.byName = Map.copyOf(byName);
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

    /** Collects registrations; not thread-safe. */
    public static final class Builder {
        private final Map<Class<?>, Entry> byClass = new LinkedHashMap<>();
        private final Map<String, Entry> byName = new HashMap<>();

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

        public EventTypeRegistry build() {
            return new EventTypeRegistry(byClass, byName);
        }
    }
}
