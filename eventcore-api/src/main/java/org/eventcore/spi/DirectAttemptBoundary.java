package org.eventcore.spi;

import java.util.function.Supplier;

/** The attempt boundary without a transaction: runs the work and the hooks in order. */
final class DirectAttemptBoundary extends AttemptBoundaryTemplate {

    static final DirectAttemptBoundary INSTANCE = new DirectAttemptBoundary();

    private DirectAttemptBoundary() {}

    @Override
    protected <T> T inTransaction(Supplier<T> body) {
        return body.get();
    }
}
