package org.eventcore.jsonb;

import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.function.BiFunction;
import org.eventcore.EventMetadata;

/** The steps {@link JsonUpcaster#of} and {@link JsonUpcaster#renaming} make. */
final class JsonStep implements JsonUpcaster {
    private final String type;
    private final int revision;
    private final String targetType;
    private final BiFunction<JsonObject, EventMetadata, JsonObject> step;

    JsonStep(String type, int revision, String targetType, BiFunction<JsonObject, EventMetadata, JsonObject> step) {
        this.type = Objects.requireNonNull(type, "type");
        this.revision = revision;
        this.targetType = targetType;
        this.step = Objects.requireNonNull(step, "step");
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
    public JsonObject upcast(JsonObject payload, EventMetadata metadata) {
        return step.apply(payload, metadata);
    }

    @Override
    public String toString() {
        return "JsonUpcaster " + type + "@" + revision + " -> " + targetType + "@" + (revision + 1);
    }
}
