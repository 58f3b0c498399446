package org.eventcore.jpa.contract;

import org.eventcore.jpa.TestJta;
import org.eventcore.jpa.TransactionPerCallStore;
import org.eventcore.testkit.contract.MultiStreamAtomicityContract;

class PostgresEclipseLinkJtaMultiStreamAtomicityIT extends MultiStreamAtomicityContract<TransactionPerCallStore> {
    @Override
    protected TransactionPerCallStore newStore() {
        return TestJta.storePerCall("eventcore-eclipselink-jta");
    }
}
