package org.eventcore.examples.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcore.examples.banking.Money.euros;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.eventcore.CommandId;
import org.eventcore.CommandRejectedException;
import org.eventcore.RetriesExhaustedException;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.examples.banking.AccountEvent.MoneyDeposited;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.CommandResult;
import org.eventcore.execution.ExecutionOptions;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.StreamRead;
import org.eventcore.testkit.chaos.ChaosEventStore;
import org.eventcore.testkit.chaos.ChaosSettings;

/** Properties of the banking example on the in-memory store: determinism, conservation, exactly once. */
class BankingPropertiesTest {

    /** A transfer between two account indexes. */
    record Transfer(int from, int to, long cents) {}

    /** How one execution ended for its caller. */
    enum Outcome {
        ACKNOWLEDGED,
        REJECTED,
        GAVE_UP,
        GAVE_UP_OUTCOME_UNKNOWN
    }

    private static final RetryPolicy PATIENT = RetryPolicy.DEFAULT
            .withMaxAttempts(200)
            .withBaseDelay(Duration.ZERO)
            .withMaxDelay(Duration.ofMillis(1));

    @Provide
    Arbitrary<List<Transfer>> transfers() {
        Arbitrary<Transfer> one = Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.longs().between(1, 5_000))
                .as(Transfer::new)
                .filter(t -> t.from() != t.to());
        return one.list().ofMinSize(1).ofMaxSize(120);
    }

    @Property(tries = 200)
    void folding_the_same_events_gives_the_same_state(@ForAll("transfers") List<Transfer> transfers) {
        InMemoryEventStore store = InMemoryEventStore.create();
        CommandExecutor executor = CommandExecutor.create(store);
        List<StreamId> accounts = open(executor, 6, 10_000);
        for (Transfer t : transfers) {
            try {
                executor.execute(
                        new TransferMoney(accounts.get(t.from()), accounts.get(t.to()), Money.cents(t.cents())));
            } catch (CommandRejectedException rejected) {
                // insufficient funds: a valid outcome that writes nothing
            }
        }
        List<StoredEvent<AccountEvent>> events = new ArrayList<>();
        for (StoredEvent<Object> e : store.readLog(org.eventcore.GlobalPosition.start(), Integer.MAX_VALUE)) {
            events.add(new StoredEvent<>(
                    e.id(), e.streamId(), e.version(), e.position(), (AccountEvent) e.payload(), e.metadata()));
        }
        TransferMoney folder = new TransferMoney(accounts.get(0), accounts.get(1), Money.cents(1));
        Balances first = fold(folder, events);
        Balances second = fold(folder, events);
        assertThat(second).isEqualTo(first);
        for (StreamId account : accounts) {
            assertThat(first.of(account).balance()).isEqualTo(balanceInStore(store, account));
        }
    }

    private static Balances fold(TransferMoney command, List<StoredEvent<AccountEvent>> events) {
        Balances state = Balances.EMPTY;
        for (StoredEvent<AccountEvent> e : events) {
            state = command.apply(state, e);
        }
        return state;
    }

    @Property(tries = 12)
    void concurrent_transfers_conserve_money_and_keep_versions_gapless(
            @ForAll("transfers") List<Transfer> transfers, @ForAll @IntRange(min = 2, max = 6) int threads)
            throws Exception {
        InMemoryEventStore store = InMemoryEventStore.create();
        CommandExecutor executor = CommandExecutor.create(store, ExecutorSettings.DEFAULT.withRetryPolicy(PATIENT));
        List<StreamId> accounts = open(executor, 6, 100);
        Map<CommandId, Transfer> acknowledged =
                runConcurrently(executor, accounts, transfers, threads, new ConcurrentHashMap<>());

        assertConserved(store, accounts, 6 * 100 * 100);
        assertGapless(store, accounts);
        assertAppliedExactlyOnce(store, acknowledged);
    }

    @Property(tries = 12)
    void under_chaos_every_command_succeeds_or_fails_clearly_and_nothing_is_partial_or_doubled(
            @ForAll("transfers") List<Transfer> transfers, @ForAll long seed) throws Exception {
        InMemoryEventStore inner = InMemoryEventStore.create();
        CommandExecutor setup = CommandExecutor.create(inner);
        List<StreamId> accounts = open(setup, 6, 100);
        ChaosEventStore chaos = ChaosEventStore.wrap(
                inner,
                ChaosSettings.NONE
                        .withSeed(seed)
                        .withReadFailureRate(0.05)
                        .withAppendFailureRate(0.05)
                        .withConflictRate(0.05)
                        .withUnknownOutcomeRate(0.15));
        CommandExecutor executor =
                CommandExecutor.create(chaos, ExecutorSettings.DEFAULT.withRetryPolicy(PATIENT.withMaxAttempts(2)));
        Map<CommandId, Outcome> outcomes = new ConcurrentHashMap<>();
        Map<CommandId, Transfer> acknowledged = runConcurrently(executor, accounts, transfers, 3, outcomes);

        assertConserved(inner, accounts, 6 * 100 * 100);
        assertGapless(inner, accounts);
        assertAppliedExactlyOnce(inner, acknowledged);
        Map<CommandId, Integer> perCommand = eventsPerCommand(inner, accounts);
        assertThat(perCommand.values())
                .as("every command stored both of its events or none")
                .allMatch(n -> n == 2);
        assertThat(outcomes).as("every command ended one way or the other").hasSize(transfers.size());
        outcomes.forEach((id, outcome) -> {
            boolean stored = inner.eventsOf(id).isPresent();
            switch (outcome) {
                case ACKNOWLEDGED ->
                    assertThat(stored).as("%s was acknowledged", id).isTrue();
                case REJECTED, GAVE_UP ->
                    assertThat(stored)
                            .as("%s failed without the outcome-unknown warning, so nothing of it may be stored", id)
                            .isFalse();
                case GAVE_UP_OUTCOME_UNKNOWN -> {
                    // stored or not: the caller was told to execute it again with the same id
                }
            }
        });
        if (transfers.size() >= 60) {
            ChaosEventStore.Injected injected = chaos.injected();
            assertThat(injected.unknownOutcomes() + injected.appendFailures() + injected.readFailures())
                    .as("chaos was injected")
                    .isPositive();
        }
    }

    @Property(tries = 300)
    void every_conflicting_append_is_detected(
            @ForAll("streamSets") Set<Integer> firstReads,
            @ForAll("streamSets") Set<Integer> firstWrites,
            @ForAll("streamSets") Set<Integer> secondReads) {
        InMemoryEventStore store = InMemoryEventStore.create();
        Set<Integer> writes = new HashSet<>(firstWrites);
        writes.retainAll(firstReads);
        List<StreamId> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(StreamId.of("s" + i));
        }
        var first = org.eventcore.testkit.contract.StoreFixture.request();
        firstReads.forEach(i -> first.expect(ids.get(i), 0));
        writes.forEach(i -> first.write(ids.get(i), new MoneyDeposited(euros(1))));
        var second = org.eventcore.testkit.contract.StoreFixture.request();
        secondReads.forEach(i -> second.expect(ids.get(i), 0));
        int target = secondReads.iterator().next();
        second.write(ids.get(target), new MoneyDeposited(euros(2)));

        if (!writes.isEmpty()) {
            first.appendTo(store);
        }
        boolean overlap = secondReads.stream().anyMatch(writes::contains);
        boolean conflicted;
        try {
            second.appendTo(store);
            conflicted = false;
        } catch (org.eventcore.StreamConflictException e) {
            conflicted = true;
            Set<StreamId> named = new HashSet<>();
            e.conflicts().forEach(c -> named.add(c.streamId()));
            Set<StreamId> expected = new HashSet<>();
            secondReads.stream().filter(writes::contains).forEach(i -> expected.add(ids.get(i)));
            assertThat(named).isEqualTo(expected);
        }
        assertThat(conflicted).isEqualTo(overlap);
    }

    @Provide
    Arbitrary<Set<Integer>> streamSets() {
        return Arbitraries.integers().between(0, 5).set().ofMinSize(1).ofMaxSize(4);
    }

    private static List<StreamId> open(CommandExecutor executor, int count, long euros) {
        List<StreamId> accounts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StreamId account = Accounts.stream("p" + i);
            executor.execute(new OpenAccount(account, "owner " + i, account));
            executor.execute(new Deposit(account, euros(euros)));
            accounts.add(account);
        }
        return accounts;
    }

    private static Map<CommandId, Transfer> runConcurrently(
            CommandExecutor executor,
            List<StreamId> accounts,
            List<Transfer> transfers,
            int threads,
            Map<CommandId, Outcome> outcomes)
            throws Exception {
        Map<CommandId, Transfer> acknowledged = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    for (int i = offset; i < transfers.size(); i += threads) {
                        Transfer tr = transfers.get(i);
                        CommandId id = CommandId.of("transfer-" + i);
                        try {
                            CommandResult<AccountEvent> r = executor.execute(
                                    new TransferMoney(
                                            accounts.get(tr.from()), accounts.get(tr.to()), Money.cents(tr.cents())),
                                    ExecutionOptions.DEFAULT.withCommandId(id));
                            assertThat(r.events()).hasSize(2);
                            acknowledged.put(id, tr);
                            outcomes.put(id, Outcome.ACKNOWLEDGED);
                        } catch (CommandRejectedException e) {
                            assertThat(e.rule()).contains("insufficient funds");
                            outcomes.put(id, Outcome.REJECTED);
                        } catch (RetriesExhaustedException e) {
                            assertThat(e.commandId()).isEqualTo(id);
                            assertThat(e.lastFailure().isRetriable())
                                    .as("the executor gives up only on failures it retries: %s", e.lastFailure())
                                    .isTrue();
                            outcomes.put(id, e.outcomeUnknown() ? Outcome.GAVE_UP_OUTCOME_UNKNOWN : Outcome.GAVE_UP);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return acknowledged;
    }

    private static Money balanceInStore(EventStore store, StreamId account) {
        AccountState state = AccountState.NONE;
        for (StoredEvent<Object> e : store.read(Set.of(account)).get(account).events()) {
            state = state.apply((AccountEvent) e.payload());
        }
        return state.balance();
    }

    private static void assertConserved(EventStore store, List<StreamId> accounts, long expectedCents) {
        long total = 0;
        for (StreamId account : accounts) {
            total += balanceInStore(store, account).cents();
        }
        assertThat(total).as("money is conserved").isEqualTo(expectedCents);
    }

    private static void assertGapless(EventStore store, List<StreamId> accounts) {
        for (StreamRead read : store.read(new HashSet<>(accounts)).values()) {
            List<Long> versions =
                    read.events().stream().map(e -> e.version().value()).toList();
            List<Long> expected = new ArrayList<>();
            for (long v = 1; v <= read.version().value(); v++) {
                expected.add(v);
            }
            assertThat(versions).as("versions of %s", read.streamId()).isEqualTo(expected);
        }
    }

    private static Map<CommandId, Integer> eventsPerCommand(EventStore store, List<StreamId> accounts) {
        Map<CommandId, Integer> counts = new HashMap<>();
        for (StreamRead read : store.read(new HashSet<>(accounts)).values()) {
            for (StoredEvent<Object> e : read.events()) {
                if (e.metadata().causationId().value().startsWith("transfer-")) {
                    counts.merge(e.metadata().causationId(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static void assertAppliedExactlyOnce(EventStore store, Map<CommandId, Transfer> acknowledged) {
        for (Map.Entry<CommandId, Transfer> e : acknowledged.entrySet()) {
            List<StoredEvent<Object>> events = store.eventsOf(e.getKey()).orElseThrow();
            assertThat(events).as("events of %s", e.getKey()).hasSize(2);
            assertThat(events.get(0).payload())
                    .isEqualTo(new MoneyWithdrawn(Money.cents(e.getValue().cents())));
            assertThat(events.get(1).payload())
                    .isEqualTo(new MoneyDeposited(Money.cents(e.getValue().cents())));
        }
    }
}
