package org.eventcore.serialization;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives an event class its stable stored name and revision. The name is what the store keeps, so
 * renaming or moving the class does not break stored events; raise the revision when the payload's
 * shape changes (an upcaster can later map older revisions).
 *
 * <pre>{@code
 * @EventType(name = "banking.MoneyDeposited", revision = 1)
 * public record MoneyDeposited(Money amount) implements AccountEvent {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The stable name: 1 to 200 characters of letters, digits, '.', '_', '-' and ':'. */
    String name();

    /** The payload's revision, 1 or more. */
    int revision() default 1;
}
