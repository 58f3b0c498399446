package org.eventcore;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.eventcore.messages.ApiMessages;

/**
 * What is known about an event besides its payload: why and by whom it was written, and when.
 *
 * <ul>
 *   <li>{@code correlationId} groups everything caused by one outside request (taken from the
 *       caller or created per command execution);
 *   <li>{@code causationId} is the {@link CommandId} of the command execution that wrote the event;
 *   <li>{@code user} is the authenticated caller, if any (in a container: the caller principal,
 *       never request data);
 *   <li>{@code time} is when the command's attempt appended the event;
 *   <li>{@code custom} holds application key-value pairs (at most {@value #MAX_CUSTOM_ENTRIES}
 *       entries; keys 1 to 128 characters without control characters; values at most
 *       {@value #MAX_CUSTOM_VALUE_LENGTH} characters). It is kept sorted by key.
 * </ul>
 *
 * <p>Immutable and thread-safe; no component is null.
 */
public record EventMetadata(
        String correlationId, CommandId causationId, Optional<String> user, Instant time, Map<String, String> custom) {

    /** The most custom entries one event may carry. */
    public static final int MAX_CUSTOM_ENTRIES = 64;
    /** The longest custom value, in characters. */
    public static final int MAX_CUSTOM_VALUE_LENGTH = 4096;

    /**
     * @throws IllegalArgumentException if a component is null or invalid; the message names it
     */
    public EventMetadata {
        Objects.requireNonNull(causationId, () -> ApiMessages.invalidMetadata("causation id must not be null"));
        if (correlationId == null || !correlationId.equals(causationId.value())) {
            // a correlation id equal to the command id (the default) was checked as the command id, by
            // the same rules
            requireIdentifier("correlation id", correlationId, 128);
        }
        Objects.requireNonNull(user, () -> ApiMessages.invalidMetadata("user must not be null; use Optional.empty()"));
        user.ifPresent(u -> requireIdentifier("user", u, 255));
        Objects.requireNonNull(time, () -> ApiMessages.invalidMetadata("time must not be null"));
        custom = copyCustom(custom);
    }

    /** Metadata with the given ids and time, no user and no custom entries. */
    public static EventMetadata of(String correlationId, CommandId causationId, Instant time) {
        return new EventMetadata(correlationId, causationId, Optional.empty(), time, Map.of());
    }

    /** A copy with the user set. */
    public EventMetadata withUser(String user) {
        return new EventMetadata(correlationId, causationId, Optional.of(user), time, custom);
    }

    /** A copy with one more custom entry (replacing an entry with the same key). */
    public EventMetadata with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(custom);
        copy.put(key, value);
        return new EventMetadata(correlationId, causationId, user, time, copy);
    }

    private static void requireIdentifier(String what, String value, int max) {
        if (value == null) {
            throw new IllegalArgumentException(ApiMessages.invalidMetadata("Invalid " + what + ": null"));
        }
        Optional<String> problem = Identifiers.problem(value, max);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(ApiMessages.invalidMetadata(
                    "Invalid " + what + " " + Identifiers.quote(value) + ": " + problem.get()));
        }
    }

    private static Map<String, String> copyCustom(Map<String, String> custom) {
        Objects.requireNonNull(
                custom, () -> ApiMessages.invalidMetadata("custom metadata must not be null; use Map.of()"));
        if (custom.isEmpty()) {
            return Map.of();
        }
        if (custom.size() > MAX_CUSTOM_ENTRIES) {
            throw new IllegalArgumentException(ApiMessages.invalidMetadata("Too many custom metadata entries: "
                    + custom.size() + ", at most " + MAX_CUSTOM_ENTRIES + " are allowed"));
        }
        if (custom.size() == 1) {
            // the usual case (a trace context): no tree for one entry, and an immutable one-entry map (the
            // store's and the telemetry's) is kept as it is
            Map.Entry<String, String> only = custom.entrySet().iterator().next();
            requireEntry(only.getKey(), only.getValue());
            return Map.copyOf(custom);
        }
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> e : custom.entrySet()) {
            requireEntry(e.getKey(), e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    private static void requireEntry(String key, String value) {
        requireIdentifier("custom metadata key", key, 128);
        if (value == null) {
            throw new IllegalArgumentException(ApiMessages.invalidMetadata(
                    "Custom metadata value for key " + Identifiers.quote(key) + " is null"));
        }
        Optional<String> unpaired = Identifiers.unpairedSurrogate(value);
        if (unpaired.isPresent()) {
            throw new IllegalArgumentException(ApiMessages.invalidMetadata("Custom metadata value for key "
                    + Identifiers.quote(key) + " contains " + unpaired.get()
                    + ": it is not valid Unicode and could not be stored unchanged"));
        }
        if (value.length() > MAX_CUSTOM_VALUE_LENGTH) {
            throw new IllegalArgumentException(ApiMessages.invalidMetadata("Custom metadata value for key "
                    + Identifiers.quote(key) + " is " + value.length() + " characters long, more than "
                    + MAX_CUSTOM_VALUE_LENGTH));
        }
    }
}
