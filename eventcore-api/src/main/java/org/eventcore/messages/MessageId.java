package org.eventcore.messages;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a module's message catalogue with the id of the one message it writes: method
 * {@code @MessageId(1001)} returns the message that starts with {@code EC1001}. Every EventCore module
 * writes its messages through one catalogue, one method per id; a test of the build checks the
 * catalogues against the manual's table of message ids.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface MessageId {

    /** The message's number: {@code 1001} for {@code EC1001}. */
    int value();
}
