package org.eventcore.examples.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eventcore.StoredEvent;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;

/** Application code under test: an after-commit observer, which runs only once the command committed. */
@ApplicationScoped
public class WithdrawalNotices {

    private final List<String> sent = new CopyOnWriteArrayList<>();

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) StoredEvent<MoneyWithdrawn> withdrawn) {
        sent.add(withdrawn.payload().amount() + " withdrawn from " + withdrawn.streamId());
    }

    public List<String> sent() {
        return sent;
    }
}
