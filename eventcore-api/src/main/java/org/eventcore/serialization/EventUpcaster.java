package org.eventcore.serialization;

import java.util.Objects;
import org.eventcore.EventMetadata;

/**
 * One step of an upcaster chain: turns a stored event of type {@link #type()} at {@link #revision()}
 * into the stored form of {@link #targetType()} at {@link #targetRevision()} (by default the next
 * revision). Steps run in order, each on the output of the one before, until the stored form is the
 * form a registered class has; then the serializer binds it. Register steps on the {@link
 * EventTypeRegistry} (plain Java) or, under CDI, as beans, which the extension discovers.
 *
 * <p>A step works on the payload in the form its serializer gives it, named by {@link #form()}:
 * {@code jakarta.json.JsonObject} for the JSON-B serializer, whose {@code JsonUpcaster} fills it in.
 * {@link #rename} and {@link #compatible} work on any form. A step maps one event to exactly one
 * event: a stored event has one id and one position in the global log, by which projections keep
 * their checkpoints and record skipped events, so an event split on reading would have parts without
 * an identity of their own (see the manual's "Evolving events" page for what to do instead).
 *
 * <p>A step may read the event's metadata; it cannot change it (the metadata records what happened:
 * who, which command, when). A step must be a pure function of its input: it runs again on every
 * read, on every node. Implementations are thread-safe.
 *
 * <pre>{@code
 * // revision 1 kept the amount in cents as "cents"; revision 2 has "amount" and "currency"
 * JsonUpcaster.of("banking.MoneyDeposited", 1, (json, metadata) -> Json.createObjectBuilder()
 *         .add("amount", json.getJsonNumber("cents").longValue())
 *         .add("currency", "EUR")
 *         .build());
 * }</pre>
 *
 * @param <T> the payload form the step works on
 */
public interface EventUpcaster<T> {

    /** The stored type name this step reads. */
    String type();

    /** The stored revision this step reads, 1 or more. */
    int revision();

    /**
     * The type name the step produces: by default {@link #type()}. Another name renames the type; the
     * old name keeps resolving through this step.
     */
    default String targetType() {
        return type();
    }

    /**
     * The revision the step produces: {@code revision() + 1}. Only a read-ahead step (see {@link
     * #readAhead}) produces {@code revision() - 1}.
     */
    default int targetRevision() {
        return revision() + 1;
    }

    /** The payload form the step works on; {@code Object.class} for a step that works on any form. */
    Class<T> form();

    /**
     * The payload of the next revision.
     *
     * @param payload the stored payload, already taken through the steps before this one; never
     *     {@code null}
     * @param metadata the stored event's metadata
     * @return the payload of {@link #targetType()} at {@link #targetRevision()}; never {@code null}
     */
    T upcast(T payload, EventMetadata metadata);

    /**
     * How error messages name {@code step}: its class (or, for the steps made by this interface's
     * factories and lambdas, what it says of itself) and the step it makes.
     */
    static String describe(EventUpcaster<?> step) {
        return UpcasterChains.describeStep(step);
    }

    /**
     * A step that renames a type: stored events of {@code type} at {@code revision} are read as {@code
     * newType} at {@code revision + 1}, their payload unchanged. Give the class its new name and
     * revision ({@code @EventType(name = newType, revision = revision + 1)}).
     */
    static EventUpcaster<Object> rename(String type, int revision, String newType) {
        return new IdentityUpcaster(type, revision, Objects.requireNonNull(newType, "newType"), revision + 1, "rename");
    }

    /**
     * A step that declares revision {@code revision + 1} of {@code type} readable from revision
     * {@code revision} unchanged: the newer revision only added optional fields. Needed only in a type
     * that also has steps that change the payload, where every revision must lead to the next.
     */
    static EventUpcaster<Object> compatible(String type, int revision) {
        return new IdentityUpcaster(type, revision, type, revision + 1, "compatible");
    }

    /**
     * Wraps {@code step} so that it reads ahead: it reads revision {@code revision} of {@code type},
     * one newer than the class this release has, and produces the class's revision {@code revision - 1}.
     * This is the first release of a rolling upgrade: it reads what the next release will write while
     * it still writes the older revision; the next release drops the step. The step may lose what
     * the older revision cannot hold.
     */
    static <T> EventUpcaster<T> readAhead(EventUpcaster<T> step) {
        Objects.requireNonNull(step, "step");
        return new EventUpcaster<>() {
            @Override
            public String type() {
                return step.type();
            }

            @Override
            public int revision() {
                return step.revision();
            }

            @Override
            public String targetType() {
                return step.targetType();
            }

            @Override
            public int targetRevision() {
                return step.revision() - 1;
            }

            @Override
            public Class<T> form() {
                return step.form();
            }

            @Override
            public T upcast(T payload, EventMetadata metadata) {
                return step.upcast(payload, metadata);
            }

            @Override
            public String toString() {
                return "read-ahead " + UpcasterChains.name(step);
            }
        };
    }
}
