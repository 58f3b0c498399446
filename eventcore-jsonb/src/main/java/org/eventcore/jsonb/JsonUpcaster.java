package org.eventcore.jsonb;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.eventcore.EventMetadata;
import org.eventcore.serialization.EventUpcaster;

/**
 * An upcaster step over the JSON of a stored event, as JSON-P's immutable {@link JsonObject}: the form
 * {@link JsonbEventSerializer} gives its upcasters. Implement it in a class (under CDI, a bean the
 * extension discovers), or make one with {@link #of}.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class MoneyDepositedV1 implements JsonUpcaster {
 *     public String type() { return "banking.MoneyDeposited"; }
 *     public int revision() { return 1; }
 *
 *     // revision 1 had "cents"; revision 2 has "amount" and "currency"
 *     public JsonObject upcast(JsonObject json, EventMetadata metadata) {
 *         return JSON.createObjectBuilder()
 *                 .add("amount", json.getJsonNumber("cents").longValue())
 *                 .add("currency", "EUR")
 *                 .build();
 *     }
 * }
 * }</pre>
 *
 * <p>{@link #JSON}{@code .createObjectBuilder(json)} copies an object to change it, and {@code
 * JSON.createPatchBuilder()} renames ({@code move}), removes and adds fields by JSON Pointer.
 */
public interface JsonUpcaster extends EventUpcaster<JsonObject> {

    /**
     * JSON-P's provider, looked up once. The static methods of {@code jakarta.json.Json} look the
     * provider up again on every call, which costs more than all the rest of a step: a two-step chain
     * reads an event in about 34 µs with {@code Json.createObjectBuilder(...)} and in about 2.6 µs with
     * {@code JSON.createObjectBuilder(...)} ({@code UpcastBenchmarks}). Use it in steps that run often.
     */
    JsonProvider JSON = JsonProvider.provider();

    @Override
    default Class<JsonObject> form() {
        return JsonObject.class;
    }

    /** A step from {@code revision} of {@code type} to the next revision, reading the metadata too. */
    static JsonUpcaster of(String type, int revision, BiFunction<JsonObject, EventMetadata, JsonObject> step) {
        return new JsonStep(type, revision, type, step);
    }

    /** A step from {@code revision} of {@code type} to the next revision. */
    static JsonUpcaster of(String type, int revision, UnaryOperator<JsonObject> step) {
        Objects.requireNonNull(step, "step");
        return new JsonStep(type, revision, type, (json, metadata) -> step.apply(json));
    }

    /**
     * A step that renames {@code type} to {@code newType} and changes the payload on the way, from
     * {@code revision} to the next. (For a rename alone: {@link EventUpcaster#rename}.)
     */
    static JsonUpcaster renaming(String type, int revision, String newType, UnaryOperator<JsonObject> step) {
        Objects.requireNonNull(step, "step");
        return new JsonStep(
                type, revision, Objects.requireNonNull(newType, "newType"), (json, metadata) -> step.apply(json));
    }
}
