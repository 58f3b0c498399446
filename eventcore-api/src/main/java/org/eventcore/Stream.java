package org.eventcore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a member of a {@link Command} as one of the streams the command reads and may write: a
 * {@link StreamId} or a collection of them. The command's consistency boundary is the set of all
 * its {@code @Stream} members plus the streams it discovers while running.
 *
 * <pre>{@code
 * public record TransferMoney(@Stream StreamId from, @Stream StreamId to, Money amount)
 *         implements Command<TransferMoney, Balances, AccountEvent> { ... }
 * }</pre>
 *
 * <p>The stream declarations of a command live in a companion class named
 * {@code <CommandName>Streams} beside the command, which extends {@link StreamDeclarations} and
 * hands out the typed {@link StreamHandle}s that {@link Decision#emit} accepts.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Stream {}
