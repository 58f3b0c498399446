package org.eventcore.jpa.cache;

import org.eventcore.serialization.EventType;

/**
 * The events of the state cache's property test. Every event a command writes carries the state it
 * decided on ({@code seenDigest}, {@code seenCount}), so that the run's log says what each command saw.
 */
public sealed interface ProofEvent {

    @EventType(name = "proof.Opened")
    record Opened(long cents) implements ProofEvent {}

    @EventType(name = "proof.Sent")
    record Sent(long cents, long seenDigest, long seenCount) implements ProofEvent {}

    @EventType(name = "proof.Received")
    record Received(long cents, long seenDigest, long seenCount) implements ProofEvent {}

    @EventType(name = "proof.FeeTaken")
    record FeeTaken(long cents, long seenDigest, long seenCount) implements ProofEvent {}

    /** The money this event adds to its stream. */
    default long delta() {
        if (this instanceof Opened o) {
            return o.cents();
        }
        if (this instanceof Sent s) {
            return -s.cents();
        }
        if (this instanceof Received r) {
            return r.cents();
        }
        return ((FeeTaken) this).cents();
    }
}
