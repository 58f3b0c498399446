package org.eventcore.jpa.contract;

import org.eventcore.jpa.TestJta;
import org.eventcore.jpa.TransactionPerCallStore;
import org.eventcore.testkit.contract.AppendAndReadContract;

class PostgresEclipseLinkJtaAppendAndReadIT extends AppendAndReadContract<TransactionPerCallStore> {
    @Override
    protected TransactionPerCallStore newStore() {
        return TestJta.storePerCall("eventcore-eclipselink-jta");
    }
}
