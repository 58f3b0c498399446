package org.eventcore.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.spi.AttemptBoundary;
import org.eventcore.spi.AttemptHooks;

/**
 * A read model in memory with transactions: it is its own {@link AttemptBoundary}; changes made in
 * an attempt are staged and applied at commit, dropped at roll back. It counts how often each event
 * was applied, so tests can check "exactly once".
 */
final class TransactionalReadModel implements AttemptBoundary {

    private final Map<GlobalPosition, Integer> applied = new TreeMap<>();
    private final Map<GlobalPosition, Added> events = new TreeMap<>();
    private final ThreadLocal<List<Consumer<TransactionalReadModel>>> staged = new ThreadLocal<>();

    @Override
    public <T> T execute(AttemptWork<T> work) {
        if (staged.get() != null) {
            throw new IllegalStateException("attempts do not nest");
        }
        AttemptHooks hooks = new AttemptHooks();
        List<Consumer<TransactionalReadModel>> changes = new ArrayList<>();
        staged.set(changes);
        T result;
        try {
            result = work.run(hooks);
            hooks.runBeforeCommit();
            synchronized (this) {
                changes.forEach(c -> c.accept(this));
            }
        } catch (RuntimeException | Error e) {
            hooks.runAfterRollback();
            throw e;
        } finally {
            staged.remove();
        }
        hooks.runAfterCommit();
        return result;
    }

    private void stage(Consumer<TransactionalReadModel> change) {
        List<Consumer<TransactionalReadModel>> changes = staged.get();
        if (changes == null) {
            throw new IllegalStateException("the read model is changed outside a unit of work");
        }
        changes.add(change);
    }

    /** The handler: records each {@link Added} event. */
    ProjectionHandler handler() {
        return this::apply;
    }

    void apply(StoredEvent<Object> event) {
        if (event.payload() instanceof Added a) {
            GlobalPosition p = event.position();
            stage(m -> {
                m.applied.merge(p, 1, Integer::sum);
                m.events.put(p, a);
            });
        }
    }

    /** Forgets every event after {@code from}, in the current unit of work (a rebuild's reset). */
    void resetTo(GlobalPosition from) {
        stage(m -> {
            m.applied.keySet().removeIf(p -> p.compareTo(from) > 0);
            m.events.keySet().removeIf(p -> p.compareTo(from) > 0);
        });
    }

    synchronized Map<String, Integer> totals() {
        Map<String, Integer> totals = new HashMap<>();
        events.values().forEach(a -> totals.merge(a.key(), a.amount(), Integer::sum));
        return totals;
    }

    /** How often each event was applied, by position. */
    synchronized Map<GlobalPosition, Integer> applied() {
        return new TreeMap<>(applied);
    }
}
