package org.eventcore.jpa.contract;

import org.eventcore.jpa.TestJta;
import org.eventcore.jpa.TransactionPerCallStore;
import org.eventcore.testkit.contract.OptimisticConcurrencyContract;

class PostgresEclipseLinkJtaOptimisticConcurrencyIT extends OptimisticConcurrencyContract<TransactionPerCallStore> {
    @Override
    protected TransactionPerCallStore newStore() {
        return TestJta.storePerCall("eventcore-eclipselink-jta");
    }
}
