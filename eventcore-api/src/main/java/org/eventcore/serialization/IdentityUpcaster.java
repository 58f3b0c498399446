package org.eventcore.serialization;

import java.util.Objects;
import org.eventcore.EventMetadata;

/** The identity steps of {@link EventUpcaster#rename} and {@link EventUpcaster#compatible}. */
final class IdentityUpcaster implements EventUpcaster<Object> {
    private final String type;
    private final int revision;
    private final String targetType;
    private final int targetRevision;
    private final String kind;

    IdentityUpcaster(String type, int revision, String targetType, int targetRevision, String kind) {
        this.type = Objects.requireNonNull(type, "type");
        this.revision = revision;
        this.targetType = targetType;
        this.targetRevision = targetRevision;
        this.kind = kind;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public int revision() {
        return revision;
    }

    @Override
    public String targetType() {
        return targetType;
    }

    @Override
    public int targetRevision() {
        return targetRevision;
    }

    @Override
    public Class<Object> form() {
        return Object.class;
    }

    @Override
    public Object upcast(Object payload, EventMetadata metadata) {
        return payload;
    }

    @Override
    public String toString() {
        return kind.equals("rename") ? "rename " + type + " to " + targetType : "compatible " + type;
    }
}
