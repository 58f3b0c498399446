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
                    "%nExpecting%n  %s%nto emit to %s:%n  %s%nbut it emitted to %s:%n  %s%nAll it emitted:%n  %s"
                            .formatted(
                                    command,
                                    stream,
                                    expected,
                                    stream,
                                    actual.isEmpty() ? "nothing" : actual,
                                    emittedSummary()),
                    expected,
                    actual);
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
            throw new AssertionFailedError("%nExpecting%n  %s%nto emit nothing but to %s%nbut it also emitted:%n  %s"
                    .formatted(command, checked, others));
        }
        return this;
    }

    /** Asserts that the command succeeded and emitted no event at all. */
    public ScenarioOutcome<E> thenEmittedNothing() {
        CommandResult<E> r = requireSuccess();
        if (!r.events().isEmpty()) {
            throw new AssertionFailedError(
                    "%nExpecting%n  %s%nto emit nothing%nbut it emitted:%n  %s".formatted(command, emittedSummary()));
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
                    "%nExpecting%n  %s%nto be rejected by a rule containing:%n  \"%s\"%nbut %s"
                            .formatted(command, ruleFragment, otherOutcome()),
                    failure);
        }
        if (!rejected.rule().contains(ruleFragment)) {
            throw new AssertionFailedError(
                    "%nExpecting%n  %s%nto be rejected by a rule containing:%n  \"%s\"%nbut it was rejected by another rule:%n  \"%s\""
                            .formatted(command, ruleFragment, rejected.rule()),
                    ruleFragment,
                    rejected.rule());
        }
        return this;
    }

    /** Asserts that the command failed with an exception of type {@code type}; returns it. */
    public <X extends Throwable> X thenFailedWith(Class<X> type) {
        if (!type.isInstance(failure)) {
            throw new AssertionFailedError(
                    "%nExpecting%n  %s%nto fail with %s%nbut %s".formatted(command, type.getName(), otherOutcome()),
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
                    "%nExpecting%n  %s%nto succeed%nbut %s".formatted(command, otherOutcome()), failure);
        }
        return result;
    }

    /** What happened instead of the expected outcome, for a failure message. */
    private String otherOutcome() {
        if (failure == null) {
            return "it succeeded and emitted:%n  %s".formatted(emittedSummary());
        }
        if (failure instanceof CommandRejectedException rejected) {
            return "it was rejected by the rule:%n  \"%s\"".formatted(rejected.rule());
        }
        return "it failed with:%n  %s".formatted(failure);
    }

    private String emittedSummary() {
        if (result.events().isEmpty()) {
            return "nothing";
        }
        return result.events().stream()
                .map(e -> e.streamId() + ": " + e.payload())
                .toList()
                .toString();
    }
}
