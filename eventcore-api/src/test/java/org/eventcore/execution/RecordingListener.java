package org.eventcore.execution;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eventcore.CommandId;
import org.eventcore.EventCoreException;

/** Records every listener call as one line of text, in order. */
final class RecordingListener implements ExecutionListener {

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public void attemptStarted(CommandId commandId, String commandType, int attempt) {
        calls.add("attemptStarted " + commandType + " " + attempt);
    }

    @Override
    public void retrying(
            CommandId commandId, String commandType, int attempt, EventCoreException cause, Duration backoff) {
        calls.add("retrying " + commandType + " " + attempt + " "
                + cause.getClass().getSimpleName() + " " + backoff);
    }

    @Override
    public void succeeded(CommandResult<?> result) {
        calls.add("succeeded attempts=" + result.attempts() + " replayed=" + result.replayed());
    }

    @Override
    public void failed(CommandId commandId, String commandType, int attempts, RuntimeException cause) {
        calls.add("failed " + commandType + " " + attempts + " "
                + cause.getClass().getSimpleName());
    }

    long attemptsStarted() {
        return calls.stream().filter(c -> c.startsWith("attemptStarted")).count();
    }
}
