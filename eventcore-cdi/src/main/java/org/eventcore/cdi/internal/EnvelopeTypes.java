package org.eventcore.cdi.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import org.eventcore.StoredEvent;

/**
 * The type rules for observers of the envelope {@code StoredEvent<P>}: the same as CDI's for an event
 * fired with the type {@code StoredEvent<payload class>}, so that a durable projection's handler (called
 * by its runner) and an inline or after-commit observer (called by the container) hear the same events.
 */
final class EnvelopeTypes {

    private EnvelopeTypes() {}

    /** Whether an observer of {@code observed} takes envelopes rather than payloads. */
    static boolean isEnvelope(Type observed) {
        return raw(observed) == StoredEvent.class;
    }

    /**
     * Whether an observer of the envelope type {@code observed} hears an event whose payload is of
     * {@code payloadClass}: a raw {@code StoredEvent} or {@code StoredEvent<?>} hears all, {@code
     * StoredEvent<X>} hears payloads of exactly {@code X}, {@code StoredEvent<? extends X>} (or a type
     * variable bounded by {@code X}) payloads assignable to {@code X}.
     */
    static boolean hears(Type observed, Class<?> payloadClass) {
        if (!(observed instanceof ParameterizedType p)) {
            return observed == StoredEvent.class;
        }
        Type argument = p.getActualTypeArguments()[0];
        if (argument instanceof Class<?> c) {
            return c == payloadClass;
        }
        if (argument instanceof ParameterizedType) {
            return false; // a payload class is never a parameterized type at run time
        }
        Type[] upper;
        if (argument instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return Arrays.stream(w.getLowerBounds()).allMatch(b -> raw(b).isAssignableFrom(payloadClass));
            }
            upper = w.getUpperBounds();
        } else if (argument instanceof TypeVariable<?> v) {
            upper = v.getBounds();
        } else {
            return false;
        }
        return Arrays.stream(upper).allMatch(b -> raw(b).isAssignableFrom(payloadClass));
    }

    /**
     * Why an envelope observer of {@code observed} can never hear an event, or null when it can: {@code
     * StoredEvent<X>} matches only payloads of exactly {@code X}, so an interface or abstract {@code X}
     * is a mistake for {@code StoredEvent<? extends X>}.
     */
    static String neverHeard(Type observed) {
        if (observed instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> c
                && (c.isInterface() || java.lang.reflect.Modifier.isAbstract(c.getModifiers()))) {
            return "observes StoredEvent<" + c.getSimpleName() + ">, which matches only payloads of exactly that"
                    + " type, and " + c.getName() + " is " + (c.isInterface() ? "an interface" : "abstract")
                    + ": observe StoredEvent<? extends " + c.getSimpleName() + "> to hear its subtypes";
        }
        return null;
    }

    /** The type {@code StoredEvent<payloadClass>}, for firing an envelope. */
    static ParameterizedType envelopeOf(Class<?> payloadClass) {
        return new Envelope(payloadClass);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        return Object.class;
    }

    /** {@code StoredEvent<P>}; equal to (and hashing like) the JDK's own parameterized types. */
    private record Envelope(Class<?> payload) implements ParameterizedType {

        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {payload};
        }

        @Override
        public Type getRawType() {
            return StoredEvent.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ParameterizedType p
                    && p.getRawType() == StoredEvent.class
                    && p.getOwnerType() == null
                    && Arrays.equals(p.getActualTypeArguments(), getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            // as the JDK's: arguments ^ owner (none) ^ raw type
            return Arrays.hashCode(getActualTypeArguments()) ^ StoredEvent.class.hashCode();
        }

        @Override
        public String toString() {
            return StoredEvent.class.getName() + "<" + payload.getName() + ">";
        }
    }
}
