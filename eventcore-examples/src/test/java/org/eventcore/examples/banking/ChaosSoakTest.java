package org.eventcore.examples.banking;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eventcore.CommandId;
import org.eventcore.CommandRejectedException;
import org.eventcore.RetriesExhaustedException;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.examples.banking.AccountEvent.MoneyDeposited;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.ExecutionOptions;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.spi.StreamRead;
import org.eventcore.testkit.chaos.ChaosEventStore;
import org.eventcore.testkit.chaos.ChaosSettings;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * A long soak of two-stream transfers through a store that fails reads and appends, injects conflicts
 * and reports failures after storing: nothing partial, nothing doubled, every acknowledged command
 * stored once, the money conserved. CI runs 200,000 commands; the full fault suite's run
 * ({@code -Deventcore.faults.full=true}, see the Reliability page) 1,000,000, and
 * {@code -Deventcore.soak.commands=N} any number.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ChaosSoakTest {

    private static final int ACCOUNTS = 10_000;
    private static final long EUROS_EACH = 1_000;

    @Test
    void transfers_through_a_failing_store_are_never_partial_nor_doubled() throws Exception {
        int commands = Integer.getInteger(
                "eventcore.soak.commands", Boolean.getBoolean("eventcore.faults.full") ? 1_000_000 : 200_000);
        InMemoryEventStore inner = InMemoryEventStore.create();
        CommandExecutor setup = CommandExecutor.create(inner);
        List<StreamId> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            StreamId account = Accounts.stream("soak-" + i);
            setup.execute(new OpenAccount(account, "owner " + i, account));
            setup.execute(new Deposit(account, Money.euros(EUROS_EACH)));
            accounts.add(account);
        }
        ChaosEventStore chaos = ChaosEventStore.wrap(
                inner,
                ChaosSettings.NONE
                        .withSeed(20261128L)
                        .withReadFailureRate(0.02)
                        .withAppendFailureRate(0.02)
                        .withConflictRate(0.02)
                        .withUnknownOutcomeRate(0.05));
        CommandExecutor executor = CommandExecutor.create(
                chaos,
                ExecutorSettings.DEFAULT.withRetryPolicy(RetryPolicy.DEFAULT
                        .withMaxAttempts(6)
                        .withBaseDelay(Duration.ZERO)
                        .withMaxDelay(Duration.ofMillis(1))));
        Map<CommandId, Long> acknowledged = new ConcurrentHashMap<>();
        Set<CommandId> unknown = ConcurrentHashMap.newKeySet();
        AtomicLong rejected = new AtomicLong();
        AtomicLong exhausted = new AtomicLong();
        int threads = 2;
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = offset; i < commands; i += threads) {
                        int from = random.nextInt(ACCOUNTS);
                        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                        long cents = 1 + random.nextInt(10_000);
                        CommandId id = CommandId.of("soak-" + i);
                        try {
                            executor.execute(
                                    new TransferMoney(accounts.get(from), accounts.get(to), Money.cents(cents)),
                                    ExecutionOptions.DEFAULT.withCommandId(id));
                            acknowledged.put(id, cents);
                        } catch (CommandRejectedException e) {
                            rejected.incrementAndGet();
                        } catch (RetriesExhaustedException e) {
                            exhausted.incrementAndGet();
                            if (e.outcomeUnknown()) {
                                unknown.add(id);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<CommandId, List<StoredEvent<Object>>> stored = new HashMap<>();
        long total = 0;
        for (StreamRead read : inner.read(new HashSet<>(accounts)).values()) {
            long version = 0;
            long cents = 0;
            for (StoredEvent<Object> e : read.events()) {
                assertThat(e.version().value())
                        .as("versions of %s gapless", read.streamId())
                        .isEqualTo(++version);
                if (e.payload() instanceof MoneyDeposited d) {
                    cents += d.amount().cents();
                } else if (e.payload() instanceof MoneyWithdrawn w) {
                    cents -= w.amount().cents();
                }
                if (e.metadata().causationId().value().startsWith("soak-")) {
                    stored.computeIfAbsent(e.metadata().causationId(), k -> new ArrayList<>())
                            .add(e);
                }
            }
            assertThat(cents).as("%s never below zero", read.streamId()).isNotNegative();
            total += cents;
        }
        assertThat(total).as("money conserved").isEqualTo(ACCOUNTS * EUROS_EACH * 100);
        assertThat(stored.values())
                .as("every stored transfer has both its events")
                .allMatch(events -> events.size() == 2);
        for (Map.Entry<CommandId, Long> a : acknowledged.entrySet()) {
            List<StoredEvent<Object>> events = stored.get(a.getKey());
            assertThat(events).as("acknowledged %s stored once", a.getKey()).hasSize(2);
            assertThat(events)
                    .extracting(StoredEvent::payload)
                    .containsExactlyInAnyOrder(
                            new MoneyWithdrawn(Money.cents(a.getValue())),
                            new MoneyDeposited(Money.cents(a.getValue())));
        }
        Set<CommandId> unacknowledged = new HashSet<>(stored.keySet());
        unacknowledged.removeAll(acknowledged.keySet());
        assertThat(unknown)
                .as("a stored command that was not acknowledged was reported with an unknown outcome")
                .containsAll(unacknowledged);
        ChaosEventStore.Injected injected = chaos.injected();
        assertThat(injected.readFailures() + injected.appendFailures() + injected.unknownOutcomes())
                .isGreaterThan(commands / 100);
        System.out.printf(
                "chaos soak: %d commands in %.1f s (%.0f/s): %d acknowledged, %d rejected by a rule, %d gave up (%d of"
                        + " them with an unknown outcome, %d of those stored); injected %s%n",
                commands,
                seconds,
                commands / seconds,
                acknowledged.size(),
                rejected.get(),
                exhausted.get(),
                unknown.size(),
                unacknowledged.size(),
                injected);
        assertThat((long) acknowledged.size() + rejected.get() + exhausted.get())
                .isEqualTo(commands);
    }
}
