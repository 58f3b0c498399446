package org.eventcore.inmemory;

import java.util.Arrays;
import java.util.List;
import org.eventcore.StoredEvent;
import org.eventcore.spi.ImmutableEventList;

/**
 * Stored events in a list with one writer at a time and any number of lock-free readers. Writers (serialized by the
 * caller) add a batch and publish it with one volatile write of the size, so a reader sees a batch
 * whole or not at all. Readers take {@link #snapshot()}: an immutable view of the elements published
 * so far, an {@link ImmutableEventList} that {@link org.eventcore.spi.StreamRead} shares without a
 * copy.
 */
final class AppendOnlyList {

    private volatile Object[] elements = new Object[8];
    private volatile int size;

    /** The number of published elements. */
    int size() {
        return size;
    }

    /** Adds and publishes a batch. The caller must hold the writer's lock. */
    void addAll(List<StoredEvent<Object>> batch) {
        int n = size;
        Object[] array = elements;
        int needed = n + batch.size();
        if (needed > array.length) {
            array = Arrays.copyOf(array, Math.max(needed, array.length * 2));
        }
        for (int i = 0; i < batch.size(); i++) {
            array[n + i] = batch.get(i);
        }
        elements = array;
        size = needed;
    }

    /** The published elements, as an immutable view. */
    List<StoredEvent<Object>> snapshot() {
        return snapshot(size);
    }

    /** The first {@code count} published elements ({@code count <= size()}), as an immutable view. */
    List<StoredEvent<Object>> snapshot(int count) {
        return count == 0 ? List.of() : new View(elements, 0, count);
    }

    /** Elements {@code from} (inclusive) to {@code to} (exclusive), both within the published size. */
    List<StoredEvent<Object>> range(int from, int to) {
        return from >= to ? List.of() : new View(elements, from, to);
    }

    private static final class View extends ImmutableEventList {
        private final Object[] array;
        private final int from;
        private final int to;

        View(Object[] array, int from, int to) {
            this.array = array;
            this.from = from;
            this.to = to;
        }

        @Override
        @SuppressWarnings("unchecked")
        public StoredEvent<Object> get(int index) {
            if (index < 0 || index >= to - from) {
                throw new IndexOutOfBoundsException(index);
            }
            return (StoredEvent<Object>) array[from + index];
        }

        @Override
        public int size() {
            return to - from;
        }
    }
}
