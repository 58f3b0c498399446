package org.eventcore.jpa.faults;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eventcore.CommandId;
import org.eventcore.CommandRejectedException;
import org.eventcore.RetriesExhaustedException;
import org.eventcore.StreamId;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.CommandResult;
import org.eventcore.execution.ExecutionOptions;
import org.eventcore.testkit.contract.ContractEvent;

/**
 * Transfers between random accounts from several threads until stopped, each with a command id
 * chosen before it is sent, remembering what became of every one: acknowledged (stored, or found
 * stored by its id after an unknown outcome), rejected by the funds rule, or failed (and with which
 * error). What the caller was told is what the invariants are checked against.
 */
final class TransferLoad {

    /** What the caller was told about one command. */
    enum Outcome {
        ACKNOWLEDGED,
        /** Acknowledged: an attempt's outcome was unknown, and the retry found it stored. */
        ACKNOWLEDGED_AFTER_LOOK_UP,
        REJECTED,
        FAILED
    }

    /**
     * The outcome of one command and how long the call took; {@code failure}: what a failed call ended
     * with (for an acknowledged one, its number of attempts); {@code outcomeUnknown}: the caller was
     * told the command may be stored (RetriesExhaustedException.outcomeUnknown()).
     */
    record Call(CommandId id, Outcome outcome, long startedNanos, long nanos, String failure, boolean outcomeUnknown) {
        Call(CommandId id, Outcome outcome, long startedNanos, long nanos, String failure) {
            this(id, outcome, startedNanos, nanos, failure, false);
        }

        boolean acknowledged() {
            return outcome == Outcome.ACKNOWLEDGED || outcome == Outcome.ACKNOWLEDGED_AFTER_LOOK_UP;
        }
    }

    private final CommandExecutor executor;
    private final List<StreamId> accounts;
    private final Map<CommandId, Call> calls = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Future<?>> workers = new ArrayList<>();
    private ExecutorService threads;

    TransferLoad(CommandExecutor executor, List<StreamId> accounts) {
        this.executor = executor;
        this.accounts = List.copyOf(accounts);
    }

    /** Starts {@code count} threads; {@code onAcknowledged} hears every acknowledged command id. */
    TransferLoad start(int count, Consumer<CommandId> onAcknowledged) {
        threads = Executors.newFixedThreadPool(count);
        for (int t = 0; t < count; t++) {
            workers.add(threads.submit(() -> {
                while (!stop.get()) {
                    Call call = transferOnce();
                    calls.put(call.id(), call);
                    if (call.outcome() == Outcome.ACKNOWLEDGED
                            || call.outcome() == Outcome.ACKNOWLEDGED_AFTER_LOOK_UP) {
                        onAcknowledged.accept(call.id());
                    }
                }
                return null;
            }));
        }
        return this;
    }

    /** Remembers a call made outside the load's threads (by {@link #transferOnce()}). */
    void record(Call call) {
        calls.put(call.id(), call);
    }

    /** One transfer of 1 to 50 between two different random accounts. */
    Call transferOnce() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int from = random.nextInt(accounts.size());
        int to = (from + 1 + random.nextInt(accounts.size() - 1)) % accounts.size();
        CommandId id = CommandId.generate();
        long started = System.nanoTime();
        try {
            CommandResult<ContractEvent> result = executor.execute(
                    new Move(accounts.get(from), accounts.get(to), 1 + random.nextInt(50)),
                    ExecutionOptions.DEFAULT.withCommandId(id));
            Outcome outcome = result.replayed() ? Outcome.ACKNOWLEDGED_AFTER_LOOK_UP : Outcome.ACKNOWLEDGED;
            return new Call(id, outcome, started, System.nanoTime() - started, "attempts " + result.attempts(), false);
        } catch (CommandRejectedException e) {
            return new Call(id, Outcome.REJECTED, started, System.nanoTime() - started, null);
        } catch (RetriesExhaustedException e) {
            return new Call(
                    id,
                    Outcome.FAILED,
                    started,
                    System.nanoTime() - started,
                    describe(e.lastFailure())
                            + (e.outcomeUnknown() ? " (outcome unknown)" : "")
                            + (e.getMessage().contains("time limit") ? " (time limit)" : ""),
                    e.outcomeUnknown());
        } catch (RuntimeException e) {
            return new Call(id, Outcome.FAILED, started, System.nanoTime() - started, describe(e));
        }
    }

    private static String describe(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int code = message.startsWith("EC") && message.length() >= 6 ? 6 : 0;
        return e.getClass().getSimpleName() + (code > 0 ? " " + message.substring(0, code) : "");
    }

    /**
     * Milliseconds from {@code up} to the end of the first acknowledged (or rejected) transfer started
     * after it, made one at a time by the calling thread and recorded; fails after 30 s, naming
     * {@code what} happened at {@code up}.
     */
    long awaitSuccessAfter(long up, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Call call = transferOnce();
            record(call);
            if (call.startedNanos() >= up && (call.acknowledged() || call.outcome() == Outcome.REJECTED)) {
                return TimeUnit.NANOSECONDS.toMillis(call.startedNanos() + call.nanos() - up);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no command succeeded within 30 s after " + what);
    }

    /** Stops the threads and waits for the commands in flight; rethrows what a thread died of. */
    Map<CommandId, Call> stop() throws Exception {
        stop.set(true);
        threads.shutdown();
        if (!threads.awaitTermination(2, TimeUnit.MINUTES)) {
            throw new AssertionError("transfer threads still running 2 minutes after the stop");
        }
        for (Future<?> w : workers) {
            w.get();
        }
        return Map.copyOf(calls);
    }

    /** The calls that started and ended within one of {@code windows} (start and end, in nanoTime). */
    static List<Call> within(Map<CommandId, Call> calls, List<long[]> windows) {
        List<Call> inside = new ArrayList<>();
        for (Call c : calls.values()) {
            for (long[] window : windows) {
                if (c.startedNanos() >= window[0] && c.startedNanos() + c.nanos() <= window[1]) {
                    inside.add(c);
                }
            }
        }
        return inside;
    }

    /** The ids of the acknowledged commands. */
    static Set<CommandId> acknowledged(Map<CommandId, Call> calls) {
        Set<CommandId> ids = new HashSet<>();
        calls.values().stream().filter(Call::acknowledged).forEach(c -> ids.add(c.id()));
        return ids;
    }

    /** The ids of the commands whose callers were told they may be stored. */
    static Set<CommandId> mayBeStored(Map<CommandId, Call> calls) {
        Set<CommandId> ids = new HashSet<>();
        calls.values().stream().filter(Call::outcomeUnknown).forEach(c -> ids.add(c.id()));
        return ids;
    }

    /** How many calls ended in each outcome. */
    static Map<Outcome, Long> count(Map<CommandId, Call> calls) {
        Map<Outcome, Long> counts = new TreeMap<>();
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0L);
        }
        calls.values().forEach(c -> counts.merge(c.outcome(), 1L, Long::sum));
        return counts;
    }

    /** How many failed calls ended with each error. */
    static Map<String, Long> failures(Map<CommandId, Call> calls) {
        Map<String, Long> counts = new TreeMap<>();
        calls.values().stream()
                .filter(c -> c.outcome() == Outcome.FAILED)
                .forEach(c -> counts.merge(c.failure(), 1L, Long::sum));
        return counts;
    }
}
