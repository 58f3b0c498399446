package org.eventcore.testkit.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eventcore.CommandRejectedException;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.execution.CommandResult;
import org.opentest4j.AssertionFailedError;

/**
 * The outcome of {@link CommandScenario#when}: assertions on what the command emitted or why it
 * failed. Each assertion returns this outcome so that they chain. Not thread-safe.
 *
 * @param <E> the command's event type
 */
public final class ScenarioOutcome<E> {

    private final Object command;
    private final CommandResult<E> result;
    private final RuntimeException failure;
    private final Set<StreamId> checked = new HashSet<>();

    private ScenarioOutcome(Object command, CommandResult<E> result, RuntimeException failure) {
        this.command = command;
        this.result = result;
        this.failure = failure;
    }

    static <E> ScenarioOutcome<E> succeeded(Object command, CommandResult<E> result) {
        return new ScenarioOutcome<>(command, result, null);
    }

    static <E> ScenarioOutcome<E> failed(Object command, RuntimeException failure) {
        return new ScenarioOutcome<>(command, null, failure);
    }

    /**
     * Asserts that the command succeeded and emitted exactly {@code events}, in order, to
     * {@code stream}.
     */
    public ScenarioOutcome<E> thenEmitted(StreamId stream, Object... events) {
        CommandResult<E> r = requireSuccess();
        List<Object> actual = new ArrayList<>();
        for (StoredEvent<E> e : r.events()) {
            if (e.streamId().equals(stream)) {
                actual.add(e.payload());
            }
        }
        List<Object> expected = Arrays.asList(events);
        if (!actual.equals(expected)) {
            throw new AssertionFailedError(
                    command + " emitted other events to " + stream + " than expected", expected, actual);
        }
        checked.add(stream);
        return this;
    }

    /** Asserts that the command emitted nothing to streams other than those checked so far. */
    public ScenarioOutcome<E> thenNothingElse() {
        CommandResult<E> r = requireSuccess();
        List<String> others = new ArrayList<>();
        for (StoredEvent<E> e : r.events()) {
            if (!checked.contains(e.streamId())) {
                others.add(e.streamId() + ": " + e.payload());
            }
        }
        if (!others.isEmpty()) {
            throw new AssertionFailedError(command + " also emitted " + others);
        }
        return this;
    }

    /** Asserts that the command succeeded and emitted no event at all. */
    public ScenarioOutcome<E> thenEmittedNothing() {
        CommandResult<E> r = requireSuccess();
        if (!r.events().isEmpty()) {
            throw new AssertionFailedError(command + " was expected to emit nothing but emitted "
                    + r.events().stream()
                            .map(e -> e.streamId() + ": " + e.payload())
                            .toList());
        }
        return this;
    }

    /**
     * Asserts that a business rule rejected the command with a message containing
     * {@code ruleFragment}.
     */
    public ScenarioOutcome<E> thenRejectedWith(String ruleFragment) {
        if (!(failure instanceof CommandRejectedException rejected)) {
            throw new AssertionFailedError(
                    command + " was expected to be rejected with \"" + ruleFragment + "\" but "
                            + (failure == null
                                    ? "it succeeded and emitted " + emittedSummary()
                                    : "it failed with " + failure),
                    failure);
        }
        if (!rejected.rule().contains(ruleFragment)) {
            throw new AssertionFailedError(
                    command + " was rejected by another rule than expected", ruleFragment, rejected.rule());
        }
        return this;
    }

    /** Asserts that the command failed with an exception of type {@code type}; returns it. */
    public <X extends Throwable> X thenFailedWith(Class<X> type) {
        if (!type.isInstance(failure)) {
            throw new AssertionFailedError(
                    command + " was expected to fail with " + type.getSimpleName() + " but "
                            + (failure == null
                                    ? "it succeeded and emitted " + emittedSummary()
                                    : "it failed with " + failure),
                    failure);
        }
        return type.cast(failure);
    }

    /** The result of a successful command. */
    public CommandResult<E> result() {
        return requireSuccess();
    }

    private CommandResult<E> requireSuccess() {
        if (failure != null) {
            throw new AssertionFailedError(
                    command + " was expected to succeed but failed: " + failure.getMessage(), failure);
        }
        return result;
    }

    private String emittedSummary() {
        return result.events().stream()
                .map(e -> e.streamId() + ": " + e.payload())
                .toList()
                .toString();
    }
}
