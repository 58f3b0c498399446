package org.eventcore.jpa;

import jakarta.transaction.TransactionManager;
import org.eclipse.persistence.transaction.JTATransactionController;

/**
 * EclipseLink's JTA controller on Narayana's transaction manager, which it would otherwise look up
 * in JNDI (absent outside a server). Named by {@code eclipselink.target-server} in the JTA unit.
 */
public class NarayanaTransactionController extends JTATransactionController {

    @Override
    protected TransactionManager acquireTransactionManager() {
        return TestJta.transactionManager();
    }
}
