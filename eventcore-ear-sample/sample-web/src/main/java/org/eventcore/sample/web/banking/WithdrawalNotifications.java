package org.eventcore.sample.web.banking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.eventcore.StoredEvent;
import org.eventcore.sample.banking.AccountEvent.MoneyWithdrawn;

/**
 * An after-commit observer of whole stored events: it notes every committed withdrawal with the
 * caller and the command that caused it (a real application would send a mail here). It takes the
 * envelope {@code StoredEvent<MoneyWithdrawn>}, which EventCore fires through Weld with the payload's
 * run-time type, and runs only once a command's transaction has committed.
 */
@ApplicationScoped
public class WithdrawalNotifications {

    private static final int KEPT = 100;

    private final Deque<String> recent = new ConcurrentLinkedDeque<>();

    void withdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoredEvent<MoneyWithdrawn> event) {
        recent.addFirst(event.streamId().value() + ": " + event.payload().cents() + " cents withdrawn by "
                + event.metadata().user().orElse("nobody") + " (command "
                + event.metadata().causationId().value()
                + ", version " + event.version().value() + ")");
        while (recent.size() > KEPT) {
            recent.pollLast();
        }
    }

    /** The latest notes, newest first. */
    public List<String> recent() {
        return List.copyOf(recent);
    }
}
