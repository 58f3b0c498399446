package org.eventcore.execution;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.eventcore.CommandId;
import org.eventcore.EventCoreException;
import org.eventcore.messages.ApiMessages;

/** {@link ExecutionListener#all}: each listener in order, each isolated from the others' failures. */
final class CompositeListener implements ExecutionListener {

    private static final System.Logger LOG = System.getLogger(CompositeListener.class.getName());

    private final List<ExecutionListener> listeners;

    CompositeListener(List<ExecutionListener> listeners) {
        this.listeners = listeners;
    }

    private void each(Consumer<ExecutionListener> call) {
        for (ExecutionListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, ApiMessages.listenerFailed(), e);
            }
        }
    }

    @Override
    public void started(CommandId commandId, String commandType) {
        each(l -> l.started(commandId, commandType));
    }

    @Override
    public void attemptStarted(CommandId commandId, String commandType, int attempt) {
        each(l -> l.attemptStarted(commandId, commandType, attempt));
    }

    @Override
    public Map<String, String> eventMetadata(CommandId commandId, String commandType) {
        // the first listener's entries win; a single listener's map is passed on as it is
        Map<String, String> first = null;
        Map<String, String> merged = null;
        for (ExecutionListener l : listeners) {
            Map<String, String> entries;
            try {
                entries = l.eventMetadata(commandId, commandType);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, ApiMessages.listenerFailed(), e);
                continue;
            }
            if (entries == null || entries.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = entries;
            } else {
                if (merged == null) {
                    merged = new HashMap<>(first);
                }
                entries.forEach(merged::putIfAbsent);
            }
        }
        return merged != null ? merged : first != null ? first : Map.of();
    }

    @Override
    public void appendStarted(CommandId commandId, String commandType, int attempt, int streams, int events) {
        each(l -> l.appendStarted(commandId, commandType, attempt, streams, events));
    }

    @Override
    public void appendEnded(
            CommandId commandId, String commandType, int attempt, Duration took, Optional<RuntimeException> failure) {
        each(l -> l.appendEnded(commandId, commandType, attempt, took, failure));
    }

    @Override
    public void attemptEnded(CommandId commandId, String commandType, int attempt, Optional<RuntimeException> failure) {
        each(l -> l.attemptEnded(commandId, commandType, attempt, failure));
    }

    @Override
    public void retrying(
            CommandId commandId, String commandType, int attempt, EventCoreException cause, Duration backoff) {
        each(l -> l.retrying(commandId, commandType, attempt, cause, backoff));
    }

    @Override
    public void succeeded(CommandResult<?> result) {
        each(l -> l.succeeded(result));
    }

    @Override
    public void failed(CommandId commandId, String commandType, int attempts, RuntimeException cause) {
        each(l -> l.failed(commandId, commandType, attempts, cause));
    }
}
