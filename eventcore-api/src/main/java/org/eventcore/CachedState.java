package org.eventcore;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts a command type in to the executor's state cache: the executor keeps the state it folded for a
 * command of this type, with the version of every stream it was folded from, and the next command of
 * the type over the same streams reads only the events after those versions and folds them on top.
 * With {@link #snapshotEvery()}, the state is also stored in the database now and then, so that a
 * node that starts, or lost the entry, does not fold a long stream from its first event.
 *
 * <pre>{@code
 * @CachedState(foldRevision = 2)
 * public record Withdraw(@Stream StreamId account, long cents)
 *         implements Command<Withdraw, Balance, AccountEvent> { ... }
 * }</pre>
 *
 * <p><b>What the command promises.</b> A cached state stands for a fold of its streams' events and
 * nothing else, so it is correct only if {@link Command#initialState()} and {@link Command#apply}
 * depend on the events alone: not on the command's own fields, not on the time, not on anything
 * mutable outside the fold. A command whose fold reads its own fields (its account's limit, say) must
 * not opt in. The annotation processor rejects a command whose {@code initialState} or {@code apply}
 * names one of the command's fields or record components, uses {@code this}, or calls one of its
 * instance methods (EC4020); what those methods call in turn, and static state they read, it cannot
 * see, and stays the command's promise.
 *
 * <p><b>What the executor checks.</b> The state is shared by the commands that hit the cache, so it
 * must be immutable: the state type must be a record, an enum, a sealed type of such, a final class
 * whose fields are all final, or a value type of the JDK ({@code String}, the boxed primitives,
 * {@code BigDecimal}, {@code java.time} values...), with components of such types; {@code List},
 * {@code Set}, {@code Map} and {@code Optional} components are allowed when their elements are, and
 * each collection is checked, before it is cached, to be one the JDK made unmodifiable
 * ({@code List.of}, {@code List.copyOf}, {@code Collections.unmodifiableList}...). A state type that
 * fails the check fails the command with EC1701 naming the mutable part.
 *
 * <p><b>What the executor guarantees.</b> A cached state never hides a conflict: the append checks the
 * version of every stream the state was folded from, and a conflict refreshes the entry. An entry is
 * stored only after its command committed, so a failed or rolled back attempt never leaves one. Events
 * over several streams are folded in global order: when a newly read event precedes the last one the
 * state had folded (a transaction that committed late), the state is folded again from the start.
 * Entries are keyed by the command type, the fold revision and the declared streams, so two command
 * types sharing a state class never share an entry.
 *
 * @see org.eventcore.execution.ExecutorSettings#withStateCacheSize(int)
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CachedState {

    /**
     * The revision of the fold ({@code initialState} and {@code apply}), at least 1: raise it when the
     * fold changes what it makes of the same events, so that snapshots folded by the earlier fold are
     * no longer used.
     */
    int foldRevision() default 1;

    /**
     * The revision of the state's stored form, at least 1: raise it when the state class changes
     * shape, so that snapshots in the earlier shape are no longer read.
     */
    int stateRevision() default 1;

    /**
     * Store a snapshot of the state after a commit once this many events were folded since the last
     * one, or 0 (the default) for no snapshots. Needs snapshots configured on the executor
     * ({@link org.eventcore.execution.ExecutorSettings#withSnapshots}).
     */
    int snapshotEvery() default 0;
}
