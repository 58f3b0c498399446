package org.eventcore.jsonb;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eventcore.EventSerializationException;
import org.eventcore.jsonb.messages.JsonbMessages;
import org.eventcore.serialization.StateSerializer;

/**
 * Command states as UTF-8 JSON through Jakarta JSON Binding, for snapshots
 * ({@link org.eventcore.execution.Snapshots}). A state read back is made immutable again: JSON-B fills
 * a {@code List} component with an {@code ArrayList}, which the state cache refuses, so every record
 * read back is rebuilt with its lists, sets and maps made unmodifiable ({@code List.copyOf}, or an
 * unmodifiable copy in the order read when they hold {@code null}).
 *
 * <p>The state class must be one JSON-B reads: a record (JSON-B 3.0), or a class with a public
 * no-argument constructor or a {@code @JsonbCreator}. A sealed state type needs JSON-B's
 * {@code @JsonbTypeInfo} on it to be read back. Thread-safe.
 *
 * <pre>{@code
 * Snapshots snapshots = Snapshots.of(JpaSnapshotStore.create(jpa, settings), JsonbStateSerializer.create(), types.fingerprint());
 * }</pre>
 */
public final class JsonbStateSerializer implements StateSerializer {

    private final Jsonb jsonb;

    private JsonbStateSerializer(Jsonb jsonb) {
        this.jsonb = Objects.requireNonNull(jsonb, "jsonb");
    }

    /** A serializer with a default {@link Jsonb}. */
    public static JsonbStateSerializer create() {
        return new JsonbStateSerializer(JsonbBuilder.create());
    }

    /** A serializer with the given {@link Jsonb} (for your own adapters and settings). */
    public static JsonbStateSerializer create(Jsonb jsonb) {
        return new JsonbStateSerializer(jsonb);
    }

    @Override
    public byte[] serialize(Object state) {
        try {
            return jsonb.toJson(state).getBytes(StandardCharsets.UTF_8);
        } catch (JsonbException e) {
            throw new EventSerializationException(
                    JsonbMessages.stateNotWritten(state.getClass().getName(), e.getMessage()), e);
        }
    }

    @Override
    public <S> S deserialize(byte[] data, Class<S> type) {
        S read;
        try {
            read = jsonb.fromJson(new String(data, StandardCharsets.UTF_8), type);
        } catch (JsonbException | IllegalArgumentException | IllegalStateException e) {
            throw new EventSerializationException(JsonbMessages.stateNotRead(type.getName(), e.getMessage()), e);
        }
        if (read == null) {
            throw new EventSerializationException(JsonbMessages.stateNotRead(type.getName(), "the data holds null"));
        }
        return type.cast(frozen(read));
    }

    /** {@code value} with its collections unmodifiable, records rebuilt around them. */
    private static Object frozen(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            boolean nulls = false;
            for (Object o : list) {
                nulls |= o == null;
                items.add(frozen(o));
            }
            return nulls ? Collections.unmodifiableList(items) : List.copyOf(items);
        }
        if (value instanceof Set<?> set) {
            Set<Object> items = new LinkedHashSet<>();
            for (Object o : set) {
                items.add(frozen(o));
            }
            return Collections.unmodifiableSet(items);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> items = new ArrayList<>(collection.size());
            for (Object o : collection) {
                items.add(frozen(o));
            }
            return Collections.unmodifiableList(items);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> entries = new LinkedHashMap<>();
            map.forEach((k, v) -> entries.put(frozen(k), frozen(v)));
            return Collections.unmodifiableMap(entries);
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(JsonbStateSerializer::frozen);
        }
        Class<?> type = value.getClass();
        if (!type.isRecord()) {
            return value;
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean changed = false;
        try {
            for (int i = 0; i < components.length; i++) {
                components[i].getAccessor().trySetAccessible();
                Object part = components[i].getAccessor().invoke(value);
                args[i] = frozen(part);
                changed |= args[i] != part;
                types[i] = components[i].getType();
            }
            if (!changed) {
                return value;
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.trySetAccessible();
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new EventSerializationException(
                    JsonbMessages.stateNotRead(type.getName(), "its record could not be rebuilt: " + e), e);
        }
    }
}
