package org.eventcore.jpa;

import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eventcore.CommandId;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.GlobalLogReader;
import org.eventcore.spi.StreamRead;

/**
 * Test decorator: runs every call of a JTA store in a JTA transaction of its own, begun and
 * committed here (rolled back when the call throws), as a container does around a
 * {@code @Transactional} method. The contract suites call the store directly; this gives each call
 * the transaction that {@link JtaJpa} requires.
 */
public final class TransactionPerCallStore implements EventStore, GlobalLogReader {

    private final JpaEventStore store;
    private final TransactionManager tm;

    TransactionPerCallStore(JpaEventStore store, TransactionManager tm) {
        this.store = store;
        this.tm = tm;
    }

    private <T> T inTransaction(Supplier<T> call) {
        try {
            tm.begin();
        } catch (Exception e) {
            throw new IllegalStateException("cannot begin a transaction", e);
        }
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | Error e) {
            try {
                if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
                    tm.rollback();
                }
            } catch (SystemException | RuntimeException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
        try {
            tm.commit();
        } catch (Exception e) {
            throw new IllegalStateException("commit failed", e);
        }
        return result;
    }

    @Override
    public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
        return inTransaction(() -> store.read(streams));
    }

    @Override
    public Map<StreamId, StreamRead> readAfter(Map<StreamId, org.eventcore.StreamVersion> after) {
        return inTransaction(() -> store.readAfter(after));
    }

    @Override
    public AppendResult append(AppendRequest request) {
        return inTransaction(() -> store.append(request));
    }

    @Override
    public Optional<List<StoredEvent<Object>>> eventsOf(CommandId commandId) {
        return inTransaction(() -> store.eventsOf(commandId));
    }

    @Override
    public List<StoredEvent<Object>> readLog(GlobalPosition after, int limit) {
        return inTransaction(() -> store.readLog(after, limit));
    }

    @Override
    public GlobalPosition head() {
        return inTransaction(store::head);
    }
}
