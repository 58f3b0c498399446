package org.eventcore.jpa.contract;

import org.eventcore.jpa.TestJta;
import org.eventcore.jpa.TransactionPerCallStore;
import org.eventcore.testkit.contract.CommandLogContract;

class PostgresHibernateJtaCommandLogIT extends CommandLogContract<TransactionPerCallStore> {
    @Override
    protected TransactionPerCallStore newStore() {
        return TestJta.storePerCall("eventcore-hibernate-jta");
    }
}
