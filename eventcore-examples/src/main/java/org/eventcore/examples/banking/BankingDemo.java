package org.eventcore.examples.banking;

import static org.eventcore.examples.banking.Money.euros;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.eventcore.Command;
import org.eventcore.CommandId;
import org.eventcore.EventCoreException;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.CommandResult;
import org.eventcore.execution.ExecutionListener;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.StreamRead;

/**
 * Runs the banking commands against the in-memory store and prints what happened: the events with
 * their versions and positions, a command rejected by a rule, and a transfer that meets a conflict
 * and is retried. Run it with the README's run command.
 */
public final class BankingDemo {

    private final PrintStream out;
    private final InterferingStore store = new InterferingStore(InMemoryEventStore.create());
    private final CommandExecutor executor;

    BankingDemo(PrintStream out) {
        this.out = out;
        this.executor = CommandExecutor.create(store, ExecutorSettings.DEFAULT.withListener(new Narrator(out)));
    }

    public static void main(String[] args) {
        new BankingDemo(System.out).run();
    }

    void run() {
        StreamId bank = Accounts.stream("bank");
        StreamId alice = Accounts.stream("alice");
        StreamId bob = Accounts.stream("bob");
        out.println("EventCore banking demo: in-memory store, plain Java executor");
        out.println();
        execute(new OpenAccount(bank, "the bank", bank));
        execute(new OpenAccount(alice, "Alice", bank));
        execute(new OpenAccount(bob, "Bob", bank));
        execute(new Deposit(alice, euros(100)));
        execute(new TransferMoney(alice, bob, euros(30)));
        execute(new Withdraw(bob, euros(500)));

        out.println("Next: a transfer whose read is overtaken by a deposit to the same account.");
        store.beforeNextAppend(() -> {
            out.println("  (meanwhile a Deposit of EUR 5.00 to " + alice + " commits first)");
            executor.execute(new Deposit(alice, euros(5)));
        });
        execute(new TransferMoney(alice, bob, euros(50)));

        out.println("Balances: " + alice + " " + balance(alice) + ", " + bob + " " + balance(bob) + " (total "
                + balance(alice).plus(balance(bob)) + ", deposited EUR 105.00)");
    }

    private <C extends Command<C, S, AccountEvent>, S> void execute(C command) {
        out.println("> " + command);
        try {
            CommandResult<AccountEvent> result = executor.execute(command);
            for (StoredEvent<AccountEvent> e : result.events()) {
                out.printf(
                        "  stored %s version %s at position %s: %s%n",
                        e.streamId(), e.version(), e.position(), e.payload());
            }
            out.println("  committed after " + result.attempts() + " attempt" + (result.attempts() == 1 ? "" : "s"));
        } catch (EventCoreException e) {
            out.println("  failed: " + e.getMessage() + (e.isRetriable() ? " (retriable)" : " (permanent)"));
        }
        out.println();
    }

    private Money balance(StreamId account) {
        AccountState state = AccountState.NONE;
        for (StoredEvent<Object> e : store.read(Set.of(account)).get(account).events()) {
            state = state.apply((AccountEvent) e.payload());
        }
        return state.balance();
    }

    /** Prints the executor's retries. */
    private record Narrator(PrintStream out) implements ExecutionListener {
        @Override
        public void retrying(CommandId id, String type, int attempt, EventCoreException cause, Duration backoff) {
            String why =
                    cause instanceof StreamConflictException c ? "conflict on " + c.conflicts() : cause.getMessage();
            out.printf("  attempt %d: %s; retrying in %d ms%n", attempt, why, backoff.toMillis());
        }
    }

    /** Runs a one-shot action just before the next append reaches the store, to stage a conflict. */
    private static final class InterferingStore implements EventStore {
        private final EventStore delegate;
        private final AtomicReference<Runnable> next = new AtomicReference<>();

        InterferingStore(EventStore delegate) {
            this.delegate = delegate;
        }

        void beforeNextAppend(Runnable action) {
            next.set(action);
        }

        @Override
        public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
            return delegate.read(streams);
        }

        @Override
        public AppendResult append(AppendRequest request) {
            Runnable action = next.getAndSet(null);
            if (action != null) {
                action.run();
            }
            return delegate.append(request);
        }

        @Override
        public Optional<List<StoredEvent<Object>>> eventsOf(CommandId commandId) {
            return delegate.eventsOf(commandId);
        }
    }
}
