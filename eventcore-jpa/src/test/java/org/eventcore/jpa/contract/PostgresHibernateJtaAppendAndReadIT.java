package org.eventcore.jpa.contract;

import org.eventcore.jpa.TestJta;
import org.eventcore.jpa.TransactionPerCallStore;
import org.eventcore.testkit.contract.AppendAndReadContract;

class PostgresHibernateJtaAppendAndReadIT extends AppendAndReadContract<TransactionPerCallStore> {
    @Override
    protected TransactionPerCallStore newStore() {
        return TestJta.storePerCall("eventcore-hibernate-jta");
    }
}
