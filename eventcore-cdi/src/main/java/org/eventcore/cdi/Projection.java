package org.eventcore.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an observer method as a handler of the durable projection with the given name:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class BalancesView {
 *     void on(@Observes @Projection("balances") MoneyDeposited deposited, EventContext context) { ... }
 * }
 * }</pre>
 *
 * <p>The extension captures these observers at deployment; the projection's runner calls them
 * directly, in log order, one batch per transaction with the projection's checkpoint. They are never
 * reached through the event bus, so a command's events do not wake them and a rebuild does not wake
 * inline or after-commit observers.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface Projection {

    /** The projection's name: 1 to 200 characters, the key of its checkpoint. */
    String value();

    /** The literal of {@link Projection}. */
    final class Literal extends AnnotationLiteral<Projection> implements Projection {
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        public static Literal of(String value) {
            return new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
