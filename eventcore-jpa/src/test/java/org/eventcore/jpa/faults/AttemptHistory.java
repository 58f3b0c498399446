package org.eventcore.jpa.faults;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eventcore.CommandId;
import org.eventcore.EventCoreException;
import org.eventcore.execution.ExecutionListener;

/**
 * What every attempt of a command met, kept per command id for the fault suite's failure messages: when
 * an invariant fails for a command, the message shows each attempt's failure with its whole chain of
 * causes (types, SQL states, messages), so that a rare race can be understood from one run.
 */
final class AttemptHistory implements ExecutionListener {

    /** The history of every executor that {@link Ledger} builds in this JVM. */
    static final AttemptHistory ALL = new AttemptHistory();

    private final Map<CommandId, List<String>> attempts = new ConcurrentHashMap<>();

    private AttemptHistory() {}

    @Override
    public void retrying(
            CommandId commandId, String commandType, int attempt, EventCoreException failure, Duration backoff) {
        add(commandId, "attempt " + attempt + " failed, retried: " + chain(failure));
    }

    @Override
    public void failed(CommandId commandId, String commandType, int attempts, RuntimeException cause) {
        add(commandId, "failed after attempt " + attempts + ": " + chain(cause));
    }

    private void add(CommandId commandId, String line) {
        attempts.computeIfAbsent(commandId, id -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add(line);
    }

    /** The histories of {@code ids}, one block per command. */
    String describe(Collection<String> ids) {
        StringBuilder b = new StringBuilder();
        for (String id : ids) {
            b.append("\n").append(id).append(":");
            List<String> lines = attempts.get(CommandId.of(id));
            if (lines == null) {
                b.append(" no failed attempt on record");
            } else {
                synchronized (lines) {
                    lines.forEach(l -> b.append("\n  ").append(l));
                }
            }
        }
        return b.toString();
    }

    /** Every cause: its type, SQL state and message. */
    static String chain(Throwable failure) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (b.length() > 0) {
                b.append(" <- ");
            }
            b.append(t.getClass().getName());
            if (t instanceof SQLException s) {
                b.append(" [").append(s.getSQLState()).append("]");
            }
            b.append(": ").append(t.getMessage());
        }
        return b.toString();
    }
}
