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

    /** A note, and the user who withdrew: the account's owner, the only one who may. */
    private record Note(String user, String text) {}

    private final Deque<Note> recent = new ConcurrentLinkedDeque<>();

    void withdrawn(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoredEvent<MoneyWithdrawn> event) {
        String user = event.metadata().user().orElse("nobody");
        recent.addFirst(new Note(
                user,
                event.streamId().value() + ": " + event.payload().cents() + " cents withdrawn by " + user
                        + " (command " + event.metadata().causationId().value() + ", version "
                        + event.version().value() + ")"));
        while (recent.size() > KEPT) {
            recent.pollLast();
        }
    }

    /** The latest notes of withdrawals by {@code user} (of all when null), newest first. */
    public List<String> recent(String user) {
        return recent.stream()
                .filter(n -> user == null || n.user().equals(user))
                .map(Note::text)
                .toList();
    }
}
