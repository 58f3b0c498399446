package org.eventcore.examples.cdi;

import com.arjuna.ats.jta.common.jtaPropertyManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import org.jboss.weld.transaction.spi.TransactionServices;

/**
 * Tells Weld about Narayana's transactions, so that transactional observers ({@code AFTER_SUCCESS},
 * {@code AFTER_FAILURE}) run at the right phase: without it Weld runs them at once, inside the
 * transaction. A server has this built in.
 */
public class NarayanaTransactionServices implements TransactionServices {

    @Override
    public void registerSynchronization(Synchronization synchronization) {
        jtaPropertyManager
                .getJTAEnvironmentBean()
                .getTransactionSynchronizationRegistry()
                .registerInterposedSynchronization(synchronization);
    }

    @Override
    public boolean isTransactionActive() {
        try {
            return com.arjuna.ats.jta.TransactionManager.transactionManager().getStatus() == Status.STATUS_ACTIVE;
        } catch (SystemException e) {
            return false;
        }
    }

    @Override
    public UserTransaction getUserTransaction() {
        return com.arjuna.ats.jta.UserTransaction.userTransaction();
    }

    @Override
    public void cleanup() {}
}
