package org.eventcore;

/**
 * A business operation over one or more event streams: its streams, its fold and its decision.
 *
 * <p>A command is usually a record whose {@link Stream @Stream} members name the streams it needs.
 * The executor reads those streams, folds their events into a state with {@link #apply} (starting
 * from {@link #initialState}, in global log order), lets the command discover more streams with
 * {@link #discover}, then calls {@link #handle}, which checks the business rules with
 * {@link #require} and emits new events through the {@link Decision}. All emitted events are
 * appended in one atomic write, checked against the versions of every stream that was read; if any
 * of them changed meanwhile, the whole command runs again.
 *
 * <pre>{@code
 * public record Deposit(@Stream StreamId account, Money amount)
 *         implements Command<Deposit, AccountState, AccountEvent> {
 *
 *     public AccountState initialState() { return AccountState.NONE; }
 *
 *     public AccountState apply(AccountState state, StoredEvent<AccountEvent> event) {
 *         return state.apply(event.payload());
 *     }
 *
 *     public void handle(AccountState state, Decision<Deposit, AccountEvent> decision) {
 *         require(state.isOpen(), "account %s is not open", account);
 *         decision.emit(DepositStreams.account(this), new MoneyDeposited(amount));
 *     }
 * }
 * }</pre>
 *
 * <p>Rules for implementations: {@code apply} is a pure function (same events, same state:
 * invariant I5); {@code handle} and {@code discover} have no side effects besides the decision,
 * because a command may run several times before it commits. Events in the command's streams whose
 * payload is not an {@code E} are not passed to {@code apply}.
 *
 * @param <C> the command type itself, which ties stream handles to this command
 * @param <S> the state folded from the streams' events
 * @param <E> the event type this command reads and writes (usually a sealed interface)
 */
public interface Command<C extends Command<C, S, E>, S, E> {

    /** The state before any event is applied. */
    S initialState();

    /** Folds one event into the state. Must be pure. */
    S apply(S state, StoredEvent<E> event);

    /**
     * Adds streams discovered from the state read so far. The default adds none.
     *
     * @see StreamResolver
     */
    default void discover(S state, StreamResolver streams) {}

    /**
     * Decides: checks the rules and emits the events to write. Emitting nothing is allowed and
     * writes nothing.
     *
     * @throws CommandRejectedException when a rule rejects the command (through {@link #require})
     */
    void handle(S state, Decision<C, E> decision);

    /**
     * Rejects the command unless {@code condition} holds. The message is a business rule, formatted
     * with {@link String#format} and {@code args}: {@code require(balance >= amount, "insufficient
     * funds in %s", account)}. A rejection is final: the executor never retries it.
     *
     * @throws CommandRejectedException if {@code condition} is false
     */
    default void require(boolean condition, String rule, Object... args) {
        if (!condition) {
            throw CommandRejectedException.of(getClass(), args.length == 0 ? rule : String.format(rule, args));
        }
    }
}
