package org.eventcore.serialization;

import java.util.Arrays;
import java.util.Objects;

/**
 * An event payload in stored form: its stable type name, its revision and its bytes.
 *
 * <p>Immutable: the bytes are copied in and out.
 */
public final class SerializedEvent {

    private final String type;
    private final int revision;
    private final byte[] data;

    private SerializedEvent(String type, int revision, byte[] data) {
        this.type = Objects.requireNonNull(type, "type");
        this.revision = revision;
        this.data = data;
    }

    /** A serialized payload; {@code data} is copied. */
    public static SerializedEvent of(String type, int revision, byte[] data) {
        return new SerializedEvent(type, revision, data.clone());
    }

    public String type() {
        return type;
    }

    public int revision() {
        return revision;
    }

    /** A copy of the bytes. */
    public byte[] data() {
        return data.clone();
    }

    /** The number of bytes. */
    public int size() {
        return data.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerializedEvent s
                && s.type.equals(type)
                && s.revision == revision
                && Arrays.equals(s.data, data);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + revision) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return type + "@" + revision + " (" + data.length + " bytes)";
    }
}
